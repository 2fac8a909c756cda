using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.Storage;
using TradeFlow.Journal.Format;
using TradeFlow.Journal.Storage;

namespace TradeFlow.Journal;

/// <summary>
/// The embedded event store: segmented append-only files under <c>&lt;dataDir&gt;/journal/</c>, every
/// record framed with a CRC-32C and chained by SHA-256, one write per commit and one fsync per durable point
/// (<see cref="IPipelinedEventJournal"/>: several writes may wait behind one fsync), an in-memory
/// index rebuilt on open (from a checkpoint when there is one), and recovery that drops a torn final
/// commit and refuses any other damage. One writer per journal (a lock file); any number of read-only
/// openers. Format: docs/journal-format.md.
/// </summary>
public sealed partial class EventJournal : SynchronousEventStore
{
    private readonly JournalOptions _options;
    private readonly bool _readOnly;
    private readonly Lock _writeLock = new();
    private readonly ChainHasher _hasher = new();
    private readonly byte[] _lastHash = new byte[JournalFormat.HashSize];
    private JournalIndex _index = new();
    private SegmentFile[] _segments = [];
    private WriterLock? _lock;
    private Exception? _fault;
    private int _disposed;

    private EventJournal(JournalOptions options, bool readOnly)
    {
        options.Validate();
        _options = options;
        _readOnly = readOnly;
    }

    /// <summary>What the open found: event and stream counts, whether the checkpoint was used, any torn tail dropped.</summary>
    public JournalRecoveryReport Recovery { get; private set; } = new();

    /// <summary>True for a read-only opener (no lock, no appends, a snapshot of what was committed when it opened).</summary>
    public bool IsReadOnly => _readOnly;

    /// <summary>How many chunks of slots the writer's stream table is in now (tests: <see cref="JournalOptions.ExpectedStreams"/>).</summary>
    internal int StreamTableChunks => _index.StreamTableChunks;

    /// <summary>How many streams the writer's stream table holds before it must grow (tests: what <see cref="ReserveStreams"/> made room for).</summary>
    internal int StreamCapacity => _index.StreamCapacity;

    /// <inheritdoc cref="IEventStore.HeadPosition" />
    public override GlobalPosition HeadPosition => GlobalPosition.FromInt64(_index.Count);

    /// <summary>
    /// Opens (creating if needed) the journal for writing: takes the writer lock, rebuilds the index,
    /// truncates a torn final commit (see <see cref="Recovery"/>). Throws <see cref="JournalLockedException"/>
    /// when another writer holds it and <see cref="JournalCorruptException"/> for damage anywhere else.
    /// </summary>
    public static EventJournal Open(JournalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var journal = new EventJournal(options, readOnly: false);
        try
        {
            journal.Recover();
            journal.ReserveStreams(options.ExpectedStreams);
            return journal;
        }
        catch
        {
            journal.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens the journal read-only, without the lock, while a writer may be running (replay and audit
    /// tools): it sees every commit complete when it opened and changes nothing on disk.
    /// </summary>
    public static EventJournal OpenReadOnly(JournalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var journal = new EventJournal(options, readOnly: true);
        try
        {
            journal.Recover();
            return journal;
        }
        catch
        {
            journal.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Grows the writer's stream table, when smaller, to hold <paramref name="streams"/> streams (those it holds
    /// included) before it must grow again: <see cref="JournalOptions.ExpectedStreams"/> for an owner that learns the
    /// count only after the open, from what was recovered (<c>tradeflow serve</c> sizes it as it sizes the engine).
    /// Takes the write lock and rebuilds the table under it, so call it before appends start; readers may run
    /// (the grown table is published as a doubling is). Costs 32–64 bytes per stream; a table already larger is left
    /// as it is. Throws <see cref="ArgumentOutOfRangeException"/> for a negative count or one over 2<sup>29</sup>,
    /// <see cref="InvalidOperationException"/> on a read-only or poisoned journal.
    /// </summary>
    public void ReserveStreams(int streams)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(streams);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(streams, JournalOptions.MaxExpectedStreams);
        lock (_writeLock)
        {
            ThrowIfUnusable();
            _index.ReserveStreams(streams);
        }
    }

    /// <summary>
    /// Writes the index checkpoint now (it is also written by <see cref="Dispose"/>), so that the next open
    /// only verifies what comes after. Takes the write lock while it serialises the index: call it off the
    /// hot path (at a quiet moment or on shutdown).
    /// </summary>
    public void Checkpoint()
    {
        bool quiet;
        lock (_syncLock)
        {
            lock (_writeLock)
            {
                ThrowIfUnusable();
                quiet = SyncWrittenLocked();
                var segment = Volatile.Read(ref _segments)[^1];
                CheckpointFile.Write(_options.JournalDirectory, _index, segment.Number, segment.Length, _lastHash);
            }
        }

        if (!quiet)
        {
            Notifier.Publish();
        }
    }

    /// <summary>Closes the journal: writes the checkpoint (writer, when healthy), closes segments, releases the lock, ends subscriptions.</summary>
    protected override void Dispose(bool disposing)
    {
        if (!disposing || Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        base.Dispose(disposing);
        lock (_syncLock)
        lock (_writeLock)
        {
            try
            {
                var segments = Volatile.Read(ref _segments);
                if (!_readOnly && Volatile.Read(ref _fault) is null && segments.Length > 0 && _lock is not null)
                {
                    // Writes not yet made durable are synced first (a failed fsync poisons and skips the checkpoint).
                    SyncWrittenLocked();
                    CheckpointFile.Write(_options.JournalDirectory, _index, segments[^1].Number, segments[^1].Length, _lastHash);
                }
            }
            finally
            {
                foreach (var segment in Volatile.Read(ref _segments))
                {
                    segment.Dispose();
                }

                _hasher.Dispose();
                _lock?.Dispose();
            }
        }
    }

    private void ThrowIfUnusable()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (_readOnly)
        {
            throw new InvalidOperationException($"The journal in {_options.JournalDirectory} was opened read-only.");
        }

        // Volatile: the syncer poisons the journal without the write lock.
        if (Volatile.Read(ref _fault) is { } fault)
        {
            throw new InvalidOperationException("A previous commit failed to reach the disk; the journal must be reopened (recovery decides what was committed).", fault);
        }
    }
}
