namespace TradeFlow.Journal.Integrity;

/// <summary>Why the framing of a batch of records stopped.</summary>
internal enum FrameEnd
{
    /// <summary>The next record is not in the buffer: read on from <see cref="RecordBatch.EndOffset"/>.</summary>
    More,

    /// <summary>The segment's last byte was framed.</summary>
    SegmentEnd,

    /// <summary>What follows in the last segment is a commit still being written (or a torn one): not a problem.</summary>
    Tail,

    /// <summary>The rest of the segment cannot be framed: <see cref="RecordBatch.EndReason"/> says why.</summary>
    Unreadable,

    /// <summary>An invalid record header in the last segment: a tail when only zeros follow it, else unreadable.</summary>
    InvalidHeaderInLast,
}
