using System.Buffers;

namespace TradeFlow.Engine.Journaling;

/// <summary>
/// One reused byte buffer per commit, into which the journal stage serializes every event's payload and
/// metadata back to back; each <see cref="End"/> returns a slice that stays valid until <see cref="Reset"/>.
/// When a commit outgrows the current segment, writing moves on to the next (64 KB each, kept and reused) and only
/// the item being written moves: earlier slices keep referencing the segment they were written in. After warm-up
/// nothing is allocated. Segments rather than one array doubled: a saturated commit's payloads reach megabytes, and
/// a doubled array was a large object from 128 KB up — a few MB per engine off the large-object heap's allocation
/// budget, whose exhaustion the runtime answers with a blocking gen2 collection (docs/benchmarks.md, pass
/// <c>engine12</c>). Safe to reuse after the append returns because every store copies (or writes out) the bytes it keeps.
/// </summary>
internal sealed class PayloadBuffer : IBufferWriter<byte>
{
    /// <summary>The size of a segment: 64 KB, under the runtime's 85,000-byte large-object threshold.</summary>
    internal const int SegmentSize = 1 << 16;

    private readonly List<byte[]> _segments = [];
    private byte[] _buffer;
    private int _segment;
    private int _start;
    private int _written;

    /// <summary>Creates a buffer whose first segment has <paramref name="capacity"/> bytes.</summary>
    public PayloadBuffer(int capacity = SegmentSize)
    {
        _buffer = new byte[capacity];
        _segments.Add(_buffer);
    }

    /// <summary>How many segments the buffer has allocated so far.</summary>
    internal int Segments => _segments.Count;

    /// <summary>Starts a new item.</summary>
    public void Begin() => _start = _written;

    /// <summary>Ends the item and returns its bytes.</summary>
    public ReadOnlyMemory<byte> End() => new(_buffer, _start, _written - _start);

    /// <summary>Forgets everything written (after the commit).</summary>
    public void Reset()
    {
        _segment = 0;
        _buffer = _segments[0];
        _start = 0;
        _written = 0;
    }

    /// <inheritdoc/>
    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (_written + count > _buffer.Length)
        {
            throw new InvalidOperationException("Advanced past the end of the buffer.");
        }

        _written += count;
    }

    /// <inheritdoc/>
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_written);
    }

    /// <inheritdoc/>
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_written);
    }

    private void Ensure(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 256);
        if (_buffer.Length - _written >= needed)
        {
            return;
        }

        // Move only the current item to the next segment: earlier items' slices stay where they were written.
        var item = _written - _start;
        var next = NextSegment(item + needed);
        _buffer.AsSpan(_start, item).CopyTo(next);
        _buffer = next;
        _start = 0;
        _written = item;
    }

    // The next segment, reused when it holds `bytes`; a new one (larger than a segment only for an item that is)
    // otherwise, replacing a reused one too small for such an item.
    private byte[] NextSegment(int bytes)
    {
        _segment++;
        if (_segment < _segments.Count && _segments[_segment].Length >= bytes)
        {
            return _segments[_segment];
        }

        var segment = new byte[Math.Max(SegmentSize, bytes)];
        if (_segment < _segments.Count)
        {
            _segments[_segment] = segment;
        }
        else
        {
            _segments.Add(segment);
        }

        return segment;
    }
}
