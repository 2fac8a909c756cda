using System.Buffers;

namespace TradeFlow.Engine.Journaling;

/// <summary>
/// One reused byte buffer per commit, into which the journal stage serializes every event's payload and
/// metadata back to back; each <see cref="End"/> returns a slice that stays valid until <see cref="Reset"/>.
/// When a commit outgrows it, a larger array replaces it and only the item being written moves: earlier
/// slices keep referencing the old array, which lives as long as they do. After warm-up nothing is allocated.
/// Safe to reuse after the append returns because every store copies (or writes out) the bytes it keeps.
/// </summary>
internal sealed class PayloadBuffer : IBufferWriter<byte>
{
    private byte[] _buffer;
    private int _start;
    private int _written;

    /// <summary>Creates a buffer of <paramref name="capacity"/> bytes.</summary>
    public PayloadBuffer(int capacity = 1 << 16) => _buffer = new byte[capacity];

    /// <summary>Starts a new item.</summary>
    public void Begin() => _start = _written;

    /// <summary>Ends the item and returns its bytes.</summary>
    public ReadOnlyMemory<byte> End() => new(_buffer, _start, _written - _start);

    /// <summary>Forgets everything written (after the commit).</summary>
    public void Reset()
    {
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

        // Move only the current item: earlier items' slices keep the old array alive and unchanged.
        var item = _written - _start;
        var grown = new byte[Math.Max(_buffer.Length * 2, item + needed)];
        _buffer.AsSpan(_start, item).CopyTo(grown);
        _buffer = grown;
        _start = 0;
        _written = item;
    }
}
