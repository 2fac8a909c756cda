namespace TradeFlow.Journal;

/// <summary>
/// Thrown when the journal holds data that fails its checks anywhere but a torn final commit: a CRC or
/// hash-chain mismatch, a malformed record or header, a gap in positions. Names the file and byte offset;
/// the journal is never opened past it.
/// </summary>
public sealed class JournalCorruptException : IOException
{
    /// <summary>Creates the exception for <paramref name="segmentPath"/> at <paramref name="offset"/>.</summary>
    public JournalCorruptException(string segmentPath, long offset, string reason)
        : base($"Journal corrupt in {segmentPath} at byte offset {offset}: {reason}.")
    {
        SegmentPath = segmentPath;
        Offset = offset;
        Reason = reason;
    }

    /// <summary>Creates the exception with a message.</summary>
    public JournalCorruptException(string message)
        : base(message)
    {
        SegmentPath = string.Empty;
        Reason = message;
    }

    /// <summary>Creates the exception with a message.</summary>
    public JournalCorruptException()
        : this("The journal is corrupt.")
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public JournalCorruptException(string message, Exception innerException)
        : base(message, innerException)
    {
        SegmentPath = string.Empty;
        Reason = message;
    }

    /// <summary>The damaged file (a segment or the checkpoint).</summary>
    public string SegmentPath { get; }

    /// <summary>The byte offset in that file where the damage starts.</summary>
    public long Offset { get; }

    /// <summary>What check failed.</summary>
    public string Reason { get; }
}
