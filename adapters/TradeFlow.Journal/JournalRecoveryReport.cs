namespace TradeFlow.Journal;

/// <summary>What opening the journal found and did: how it rebuilt the index and what torn tail it dropped.</summary>
public sealed record JournalRecoveryReport
{
    /// <summary>Events in the journal after recovery.</summary>
    public long EventCount { get; init; }

    /// <summary>Streams in the journal after recovery.</summary>
    public long StreamCount { get; init; }

    /// <summary>Segments found.</summary>
    public int SegmentCount { get; init; }

    /// <summary>True when the index was loaded from the checkpoint and only the records after it were scanned.</summary>
    public bool LoadedFromCheckpoint { get; init; }

    /// <summary>
    /// Why an <c>index.tfi</c> that was present was ignored (it is damaged: its CRC fails or its numbers are impossible),
    /// so every record was verified instead; null when there was none or it was used. An intact checkpoint whose anchor
    /// is not in the files is never ignored: the open is refused.
    /// </summary>
    public string? CheckpointIgnoredReason { get; init; }

    /// <summary>Records read and verified during the open (all of them without a checkpoint).</summary>
    public long RecordsVerified { get; init; }

    /// <summary>The segment whose torn tail was dropped, or null when the journal ended cleanly.</summary>
    public string? TruncatedSegment { get; init; }

    /// <summary>The offset the segment was cut back to (the end of its last complete commit).</summary>
    public long TruncatedAtOffset { get; init; }

    /// <summary>How many bytes were dropped (in read-only mode: ignored, not removed).</summary>
    public long TruncatedBytes { get; init; }

    /// <summary>Why the tail was considered torn.</summary>
    public string? TruncationReason { get; init; }

    /// <inheritdoc />
    public override string ToString() => (TruncatedSegment is null
        ? $"{EventCount} events in {StreamCount} streams, {SegmentCount} segment(s), {RecordsVerified} verified{(LoadedFromCheckpoint ? " after the checkpoint" : string.Empty)}; clean end"
        : $"{EventCount} events in {StreamCount} streams, {SegmentCount} segment(s); torn tail of {TruncatedBytes} bytes dropped from {TruncatedSegment} at offset {TruncatedAtOffset} ({TruncationReason})")
        + (CheckpointIgnoredReason is null ? string.Empty : $"; checkpoint ignored, every record verified ({CheckpointIgnoredReason})");
}
