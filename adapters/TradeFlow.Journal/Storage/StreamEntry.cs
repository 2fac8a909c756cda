namespace TradeFlow.Journal.Storage;

/// <summary>
/// One stream's index: the global position of each of its versions. Written only by the journal's
/// writer (under its lock) and read by any thread: the writer publishes a grown array before the count
/// that covers it, and a reader reads the count before the array, so it never indexes past the array it sees.
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

    /// <summary>The version of the stream's last event, -1 when it has none.</summary>
    public long Version => Volatile.Read(ref _count) - 1L;

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
