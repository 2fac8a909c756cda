namespace TradeFlow.Replay.Rebuild;

/// <summary>One projection's rebuild: how it started, where it ended, and its state hash.</summary>
/// <param name="Projection">The projection.</param>
/// <param name="Start">Fresh, Resumed (from a saved checkpoint) or RebuildRequired (the saved state was of another version).</param>
/// <param name="From">The checkpoint it started after.</param>
/// <param name="To">The checkpoint saved at the end.</param>
/// <param name="StateHash">The SHA-256 of the saved state.</param>
public sealed record RebuildResult(string Projection, string Start, long From, long To, string StateHash);
