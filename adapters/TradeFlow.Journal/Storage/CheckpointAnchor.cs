namespace TradeFlow.Journal.Storage;

/// <summary>The commit boundary a checkpoint describes: event count, segment, offset and chain hash there.</summary>
internal sealed record CheckpointAnchor(long Count, long Segment, long Offset, byte[] Hash);
