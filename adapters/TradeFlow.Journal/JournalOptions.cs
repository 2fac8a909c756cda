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

    /// <summary>
    /// How many streams the writer's in-memory stream table is sized for when the journal opens (default 0: it grows
    /// by doubling as streams arrive). Each doubling allocates the whole table again (16 bytes per slot, at most half
    /// full) and copies every entry into it, on the writer's thread, and the abandoned tables age through the garbage
    /// collector's generations first; sized up front, streams up to this many allocate no table at all. Costs 32–64
    /// bytes per expected stream at open (8 MB for 200,000). A table already larger is left as it is.
    /// </summary>
    public int ExpectedStreams { get; init; }

    /// <summary>The most streams <see cref="ExpectedStreams"/> and <see cref="EventJournal.ReserveStreams"/> accept (2<sup>29</sup>: a 2<sup>30</sup>-slot table).</summary>
    internal const int MaxExpectedStreams = 1 << 29;

    /// <summary>
    /// Tests only: run by the open between reading the checkpoint and listing the segments, where a writer beside a
    /// read-only open may roll and checkpoint.
    /// </summary>
    internal Action? AfterCheckpointReadForTesting { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ExpectedStreams, nameof(ExpectedStreams));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ExpectedStreams, MaxExpectedStreams, nameof(ExpectedStreams));
        ArgumentOutOfRangeException.ThrowIfLessThan(SegmentSize, 4096, nameof(SegmentSize));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(SegmentSize, 1L << 39, nameof(SegmentSize));
    }
}
