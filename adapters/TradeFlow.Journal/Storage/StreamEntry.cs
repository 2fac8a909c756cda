namespace TradeFlow.Journal.Storage;

/// <summary>
/// One stream's index: the global position of each of its versions. Written only by the journal's
/// writer (under its lock) and read by any thread: the writer publishes a grown array before the count
/// that covers it, and a reader reads the count before the array, so it never indexes past the array it sees.
/// The writer adds a position when it writes the event, before the event is durable: readers ask for
/// <see cref="VersionAt"/> the durable head, which leaves out the positions still waiting for their fsync.
/// </summary>
internal sealed class StreamEntry
{
    private long[] _positions;
    private int _count;

    public StreamEntry(string name)
        : this(name, 4)
    {
    }

    /// <summary>An empty entry with room for <paramref name="capacity"/> versions before it grows.</summary>
    public StreamEntry(string name, int capacity)
    {
        Name = name;
        _positions = new long[Math.Max(capacity, 1)];
    }

    public string Name { get; }

    /// <summary>The version of the stream's last event written, durable or not, -1 when it has none (the writer's view).</summary>
    public long Version => Volatile.Read(ref _count) - 1L;

    /// <summary>
    /// The version of the stream's last event at or before global position <paramref name="head"/> (the reader's view:
    /// pass the durable head, read before this call), -1 when none. Positions grow with versions, so only the few
    /// written-not-durable ones at the end are skipped.
    /// </summary>
    public long VersionAt(long head)
    {
        var count = Volatile.Read(ref _count);
        var positions = Volatile.Read(ref _positions);
        while (count > 0 && positions[count - 1] > head)
        {
            count--;
        }

        return count - 1L;
    }

    /// <summary>The global position of <paramref name="version"/> (which must exist).</summary>
    public long PositionAt(long version)
    {
        var count = Volatile.Read(ref _count);
        var positions = Volatile.Read(ref _positions);
        return version < count ? positions[version] : throw new ArgumentOutOfRangeException(nameof(version));
    }

    /// <summary>Appends the next version's position (writer only).</summary>
    public void Add(long position)
    {
        var count = _count;
        if (count == _positions.Length)
        {
            var grown = new long[count * 2];
            Array.Copy(_positions, grown, count);
            Volatile.Write(ref _positions, grown);
        }

        _positions[count] = position;
        Volatile.Write(ref _count, count + 1);
    }

    /// <summary>The positions of every version, for the checkpoint.</summary>
    public ReadOnlySpan<long> Positions => _positions.AsSpan(0, Volatile.Read(ref _count));
}
