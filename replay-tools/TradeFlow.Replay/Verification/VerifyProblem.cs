namespace TradeFlow.Replay.Verification;

/// <summary>One problem <c>verify</c> found: where (a file and byte offset for the journal, a position for any store) and what.</summary>
/// <param name="File">The segment or checkpoint file (journal only).</param>
/// <param name="Offset">The byte offset in that file (journal only).</param>
/// <param name="Position">The global position, when known.</param>
/// <param name="Reason">What check failed.</param>
public sealed record VerifyProblem(string? File, long? Offset, long? Position, string Reason);
