namespace TradeFlow.Replay.Folding;

/// <summary>A projection's identity and state hash at a point.</summary>
/// <param name="Name">The projection's name.</param>
/// <param name="Version">Its version.</param>
/// <param name="StateHash">Lower-case hex SHA-256 of its canonical state.</param>
public sealed record ProjectionHash(string Name, int Version, string StateHash);
