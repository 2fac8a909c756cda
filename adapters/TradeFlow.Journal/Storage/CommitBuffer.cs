using Microsoft.Win32.SafeHandles;

namespace TradeFlow.Journal.Storage;

/// <summary>
/// A commit's encoded records, in reused chunks of <see cref="ChunkSize"/> bytes (64 KB, under the runtime's
/// 85,000-byte large-object threshold) instead of one array doubled to the largest commit: a saturated commit is
/// megabytes, and that array's doublings were large objects (41 B per command in the engine benchmark, which opens a
/// journal per round), each spending the large-object heap's small budget that the runtime answers with a blocking
/// gen2 collection (docs/benchmarks.md, passes <c>engine12</c> and <c>engine14</c>). A record never straddles two
/// chunks, so each is one span for its encoder and the chain hash; one larger than a chunk gets a chunk of its own
/// size. The chunks are written in order by one gathered write, so the file receives the same bytes as before.
/// Writer only, under the journal's lock.
/// </summary>
internal sealed class CommitBuffer
{
    /// <summary>Bytes per chunk: 64 KB, a small object.</summary>
    internal const int ChunkSize = 1 << 16;

    private readonly List<byte[]> _chunks = [new byte[ChunkSize]];
    private readonly List<int> _used = [0];
    private readonly List<ReadOnlyMemory<byte>> _written = [];
    private int _current;

    /// <summary>The bytes reserved since <see cref="Reset"/>.</summary>
    public int Length { get; private set; }

    /// <summary>How many chunks the buffer holds (tests).</summary>
    internal int Chunks => _chunks.Count;

    /// <summary>Empties the buffer, keeping its chunks for the next commit.</summary>
    public void Reset()
    {
        for (var i = 0; i <= _current; i++)
        {
            _used[i] = 0;
        }

        _current = 0;
        Length = 0;
    }

    /// <summary>The next <paramref name="size"/> bytes of the commit, contiguous, to be filled by the caller.</summary>
    public Span<byte> Reserve(int size)
    {
        if (_chunks[_current].Length - _used[_current] < size)
        {
            NextChunk(size);
        }

        var start = _used[_current];
        _used[_current] = start + size;
        Length += size;
        return _chunks[_current].AsSpan(start, size);
    }

    /// <summary>The last <paramref name="count"/> bytes reserved (the last record's, which never straddles chunks).</summary>
    public ReadOnlySpan<byte> Last(int count) => _chunks[_current].AsSpan(_used[_current] - count, count);

    /// <summary>
    /// Writes every reserved byte, in order, at <paramref name="offset"/> of <paramref name="file"/>: one <c>pwrite</c>
    /// when the commit fits one chunk, else a gathered write (<c>pwritev</c>, which the runtime may split into several
    /// calls after a short write or past <c>IOV_MAX</c> chunks, and which allocates its handle and vector arrays). Like a
    /// <c>pwrite</c> it is not atomic: a crash may leave a torn tail, which recovery drops (CRC, commit marker).
    /// </summary>
    public void WriteTo(SafeFileHandle file, long offset)
    {
        if (_current == 0)
        {
            RandomAccess.Write(file, _chunks[0].AsSpan(0, _used[0]), offset);
            return;
        }

        _written.Clear();
        for (var i = 0; i <= _current; i++)
        {
            if (_used[i] > 0)
            {
                _written.Add(_chunks[i].AsMemory(0, _used[i]));
            }
        }

        RandomAccess.Write(file, _written, offset);
        _written.Clear();
    }

    // Moves on to the next chunk that can take size bytes: a reused one, or a new one (of the record's size when it
    // is larger than a chunk; such a chunk is kept like the others).
    private void NextChunk(int size)
    {
        while (++_current < _chunks.Count)
        {
            if (_chunks[_current].Length >= size)
            {
                return;
            }
        }

        _chunks.Add(new byte[Math.Max(size, ChunkSize)]);
        _used.Add(0);
    }
}
