namespace TradeFlow.Projections.Storage;

/// <summary>The JSON header of a snapshot file: everything but the state bytes.</summary>
internal sealed record SnapshotHeader(
    string Name,
    int Version,
    long Checkpoint,
    DateTimeOffset LastRecordedTime,
    string StateHash,
    int StateLength);
