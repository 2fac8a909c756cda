namespace TradeFlow.Replay.Determinism;

/// <summary>A projection whose state differed between two folds of the same history (or between a replay and a saved live state).</summary>
/// <param name="Projection">The projection.</param>
/// <param name="Position">The first global position after which the states differ.</param>
/// <param name="Against">"replay" (two replays) or where the saved live state came from.</param>
/// <param name="Expected">The first state's hash at that position.</param>
/// <param name="Actual">The second state's hash there.</param>
public sealed record Divergence(string Projection, long Position, string Against, string Expected, string Actual);
