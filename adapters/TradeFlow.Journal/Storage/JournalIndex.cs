namespace TradeFlow.Journal.Storage;

/// <summary>
/// The in-memory index: where each global position's record lives (a packed segment/offset, in chunks of
/// 8Ki positions so that growth never copies millions of entries) and each stream's positions. A chunk is 64 KB, a
/// small object: the 512 KB chunks of 64Ki positions were large objects, each spending the large-object heap's
/// allocation budget, which the runtime answers with a blocking gen2 collection (docs/benchmarks.md, pass
/// <c>engine12</c>). One writer, many
/// readers. The writer stages a commit's locations when it writes the commit; <see cref="Publish"/> or
/// <see cref="PublishUpTo"/> makes them visible once an fsync has covered them, so <see cref="Count"/> is the
/// durable head and <see cref="Written"/> the writer's head (docs/journal-format.md, "Durability").
/// </summary>
internal sealed class JournalIndex
{
    private const int ChunkBits = 13;
    private const int ChunkSize = 1 << ChunkBits;
    private readonly StreamTable _streams = new();
    private long[][] _chunks = new long[512][];
    private long _published;
    private long _staged;

    /// <summary>How many positions are visible to readers (the head's value).</summary>
    public long Count => Volatile.Read(ref _published);

    /// <summary>How many positions are written (staged), durable or not: the writer's next position is this + 1.</summary>
    public long Written => Volatile.Read(ref _staged);

    /// <summary>How many streams exist.</summary>
    public int StreamCount => _streams.Count;

    /// <summary>Every stream, for the checkpoint.</summary>
    public IEnumerable<StreamEntry> Streams => _streams.Entries;

    /// <summary>The packed location of <paramref name="position"/> (1-based, at most <see cref="Count"/> or staged).</summary>
    public long LocationOf(long position)
    {
        var index = position - 1;
        return Volatile.Read(ref _chunks)[index >> ChunkBits][index & (ChunkSize - 1)];
    }

    /// <summary>Stages the location of the next position (writer only).</summary>
    public void Stage(long location)
    {
        var index = _staged;
        var chunk = (int)(index >> ChunkBits);
        if (chunk == _chunks.Length)
        {
            var grown = new long[_chunks.Length * 2][];
            Array.Copy(_chunks, grown, _chunks.Length);
            Volatile.Write(ref _chunks, grown);
        }

        (_chunks[chunk] ??= new long[ChunkSize])[index & (ChunkSize - 1)] = location;
        Volatile.Write(ref _staged, index + 1);
    }

    /// <summary>Forgets staged locations that were not published (a failed or torn commit).</summary>
    public void DiscardStaged() => _staged = _published;

    /// <summary>Makes every staged location visible.</summary>
    public void Publish() => Volatile.Write(ref _published, _staged);

    /// <summary>
    /// Grows the stream table, when smaller, to hold <paramref name="streams"/> streams before it must grow again
    /// (loading a checkpoint, so the table does not grow stream by stream while it loads; and
    /// <see cref="JournalOptions.ExpectedStreams"/> after recovery). Writer only.
    /// </summary>
    public void ReserveStreams(int streams) => _streams.Reserve(streams);

    /// <summary>How many chunks of slots the stream table is in now (tests: a reserved table does not grow).</summary>
    internal int StreamTableChunks => _streams.Chunks;

    /// <summary>How many streams the stream table holds before it must grow (tests: what a reservation made room for).</summary>
    internal int StreamCapacity => _streams.Capacity;

    /// <summary>
    /// Makes the staged locations up to <paramref name="count"/> visible (the syncer, after the fsync that covers
    /// them; at most <see cref="Written"/>). Release store: a reader that sees the new count sees the locations and
    /// the stream entries staged before it.
    /// </summary>
    public void PublishUpTo(long count)
    {
        if (count > _published)
        {
            Volatile.Write(ref _published, count);
        }
    }

    /// <summary>The stream's entry, or null.</summary>
    public StreamEntry? Find(string stream) => _streams.Find(stream);

    /// <summary>The stream's entry, or null, with the name's hash for <see cref="AddNew(string, int)"/> (the writer's lookup).</summary>
    public StreamEntry? Find(string stream, out int hash) => _streams.Find(stream, out hash);

    /// <summary>
    /// Adds a stream the caller just failed to find with <see cref="Find(string, out int)"/> under the writer's lock,
    /// with the hash that lookup gave, so a new stream's name is hashed once (writer only).
    /// </summary>
    public StreamEntry AddNew(string stream, int hash)
    {
        var entry = new StreamEntry(stream);
        _streams.Add(entry, hash);
        return entry;
    }

    /// <summary>The stream's entry, created with room for <paramref name="versions"/> positions when new (loading a checkpoint).</summary>
    public StreamEntry GetOrAdd(string stream, int versions) => _streams.Find(stream) ?? Add(new StreamEntry(stream, versions));

    /// <summary>The stream's entry by its characters, created when new, without allocating for a known stream (recovery).</summary>
    public StreamEntry GetOrAdd(ReadOnlySpan<char> stream) => _streams.Find(stream) ?? Add(new StreamEntry(new string(stream)));

    private StreamEntry Add(StreamEntry entry)
    {
        _streams.Add(entry);
        return entry;
    }
}
