namespace TradeFlow.Journal;

/// <summary>Where and how the embedded journal stores its segments.</summary>
public sealed class JournalOptions
{
    /// <summary>The default segment size, 256 MiB.</summary>
    public const long DefaultSegmentSize = 256L << 20;

    /// <summary>Creates options for the data directory; the journal lives in its <c>journal/</c> subdirectory.</summary>
    public JournalOptions(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        DataDirectory = dataDirectory;
    }

    /// <summary>The configured data directory.</summary>
    public string DataDirectory { get; }

    /// <summary>The journal's own directory, <c>&lt;DataDirectory&gt;/journal</c>.</summary>
    public string JournalDirectory => Path.Combine(DataDirectory, "journal");

    /// <summary>
    /// The size at which a new segment is started (a commit never spans segments, so a segment can exceed
    /// it by one commit; a commit larger than this gets a segment of its own).
    /// </summary>
    public long SegmentSize { get; init; } = DefaultSegmentSize;

    /// <summary>When appends are made durable (default: every batch).</summary>
    public JournalDurability Durability { get; init; } = JournalDurability.EveryBatch;

    /// <summary>How much is re-verified on open (default: from the checkpoint).</summary>
    public JournalVerification Verification { get; init; } = JournalVerification.FromCheckpoint;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(SegmentSize, 4096, nameof(SegmentSize));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(SegmentSize, 1L << 39, nameof(SegmentSize));
    }
}
