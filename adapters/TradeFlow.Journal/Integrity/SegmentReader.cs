using System.Runtime.CompilerServices;
using Microsoft.Win32.SafeHandles;

namespace TradeFlow.Journal.Integrity;

/// <summary>
/// Sequential reads of one segment through a large reused buffer, bounded by the length the segment had when the
/// scan reached it (a live writer only appends beyond it). One read call per buffer, so a scan costs one system
/// call per few megabytes rather than one per record.
/// </summary>
internal sealed class SegmentReader(int bufferSize)
{
    private byte[] _buffer = new byte[bufferSize];
    private SafeFileHandle? _handle;
    private long _length;
    private long _start;
    private int _count;

    /// <summary>Bytes read from the file so far (for progress).</summary>
    public long BytesRead { get; private set; }

    public void Attach(SafeFileHandle handle, long length)
    {
        _handle = handle;
        _length = length;
        _start = 0;
        _count = 0;
    }

    /// <summary>The bytes [offset, offset + length); the caller has checked they lie within the segment.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadOnlySpan<byte> Read(long offset, int length)
    {
        if (offset < _start || offset + length > _start + _count)
        {
            Fill(offset, length);
        }

        return _buffer.AsSpan((int)(offset - _start), length);
    }

    /// <summary>True when every byte from <paramref name="offset"/> to the end of the segment is zero.</summary>
    public bool IsZeroFrom(long offset)
    {
        for (var at = offset; at < _length;)
        {
            var chunk = (int)Math.Min(_buffer.Length, _length - at);
            if (Read(at, chunk).ContainsAnyExcept((byte)0))
            {
                return false;
            }

            at += chunk;
        }

        return true;
    }

    private void Fill(long offset, int length)
    {
        if (length > _buffer.Length)
        {
            _buffer = new byte[length];
        }

        var count = (int)Math.Min(_buffer.Length, _length - offset);
        var destination = _buffer.AsSpan(0, count);
        var at = offset;
        while (!destination.IsEmpty)
        {
            var read = RandomAccess.Read(_handle!, destination, at);
            if (read == 0)
            {
                throw new IOException($"The segment shrank to {at} bytes while it was being verified.");
            }

            destination = destination[read..];
            at += read;
        }

        BytesRead += count;
        _start = offset;
        _count = count;
    }
}
