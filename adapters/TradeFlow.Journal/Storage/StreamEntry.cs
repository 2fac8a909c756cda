using System.Runtime.InteropServices;

namespace TradeFlow.Journal.Storage;

/// <summary>
/// One stream's index: the global position of each of its versions. Written only by the journal's
/// writer (under its lock) and read by any thread: the writer publishes a grown array before the count
/// that covers it, and a reader reads the count before the array, so it never indexes past the array it sees.
/// The writer adds a position when it writes the event, before the event is durable: readers ask for
/// <see cref="VersionAt"/> the durable head, which leaves out the positions still waiting for their fsync.
/// </summary>
/// <remarks>
/// Most streams are one trade's and many hold a single event for a long time (a capture nothing has changed
/// yet), so version 0's position is kept inline and the array is allocated only for a second version: a new
/// stream costs this object alone, not this object and a four-slot array (48 instead of 96 bytes, retained
/// for the journal's life and so copied by every collection that promotes it). Version 0 is always
/// <see cref="_first"/>; the array, once there, holds every version from 0.
/// </remarks>
internal sealed class StreamEntry
{
    private const int GrownCapacity = 4;

    private long _first;
    private long[]? _positions;
    private int _count;

    public StreamEntry(string name)
        : this(name, 1)
    {
    }

    /// <summary>An empty entry with room for <paramref name="capacity"/> versions before it grows.</summary>
    public StreamEntry(string name, int capacity)
    {
        Name = name;
        _positions = capacity > 1 ? new long[capacity] : null;
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
        while (count > 0 && At(positions, count - 1) > head)
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
        return version >= 0 && version < count ? At(positions, (int)version) : throw new ArgumentOutOfRangeException(nameof(version));
    }

    /// <summary>Appends the next version's position (writer only).</summary>
    public void Add(long position)
    {
        var count = _count;
        var positions = _positions;
        if (count == 0)
        {
            _first = position;
        }
        else if (positions is null || count == positions.Length)
        {
            // Filled before it is published, so a reader that sees the new array sees every position it covers.
            var grown = new long[positions is null ? GrownCapacity : count * 2];
            if (positions is null)
            {
                grown[0] = _first;
            }
            else
            {
                Array.Copy(positions, grown, count);
            }

            positions = grown;
            Volatile.Write(ref _positions, grown);
        }

        if (positions is not null)
        {
            positions[count] = position;
        }

        Volatile.Write(ref _count, count + 1);
    }

    /// <summary>The positions of every version, for the checkpoint.</summary>
    public ReadOnlySpan<long> Positions
    {
        get
        {
            var count = Volatile.Read(ref _count);
            var positions = Volatile.Read(ref _positions);
            return positions is null ? MemoryMarshal.CreateReadOnlySpan(ref _first, count) : positions.AsSpan(0, count);
        }
    }

    // With no array the count is at most 1 (the array is published before a count of 2), so version 0 is all there is.
    private long At(long[]? positions, int version) => positions is null ? _first : positions[version];
}
