namespace TradeFlow.Journal.Storage;

/// <summary>What scanning one segment found: where its last complete commit ends, and why the rest (if any) is a torn tail.</summary>
internal readonly record struct ScanOutcome(long CommittedEnd, long Records, string? TornReason);
