using System.Runtime.CompilerServices;
using Microsoft.Win32.SafeHandles;

namespace TradeFlow.Journal.Integrity;

/// <summary>
/// Sequential reads of one segment through a large reused buffer, bounded by the length the segment had when the
/// scan reached it (a live writer only appends beyond it). One read call per buffer, so a scan costs one system
/// call per few megabytes rather than one per record. A second buffer can be filled ahead (<see cref="Prefetch"/>)
/// by another thread while the current one is checked, so the kernel's copy out of the page cache overlaps the
/// hashing instead of adding to it; memory stays two buffers.
/// </summary>
internal sealed class SegmentReader(int bufferSize)
{
    private Window _current = new(bufferSize);
    private Window _spare = new(bufferSize);
    private SafeFileHandle? _handle;
    private long _length;

    /// <summary>Bytes read from the file into the buffer that was then checked, so far (for progress and the report).</summary>
    public long BytesRead { get; private set; }

    /// <summary>The current buffer (records are sliced from it by <see cref="Start"/>-relative offsets).</summary>
    public byte[] Buffer => _current.Buffer;

    /// <summary>The segment offset of <see cref="Buffer"/>'s first byte.</summary>
    public long Start => _current.Start;

    public void Attach(SafeFileHandle handle, long length)
    {
        _handle = handle;
        _length = length;
        _current.Clear();
        _spare.Clear();
    }

    /// <summary>True when [offset, offset + length) is in the current buffer, so reading it needs no I/O.</summary>
    public bool Holds(long offset, int length) => _current.Holds(offset, length);

    /// <summary>The bytes [offset, offset + length); the caller has checked they lie within the segment.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadOnlySpan<byte> Read(long offset, int length)
    {
        if (!_current.Holds(offset, length))
        {
            Advance(offset, length);
        }

        return _current.Buffer.AsSpan((int)(offset - _current.Start), length);
    }

    /// <summary>
    /// Fills the spare buffer with the segment from <paramref name="offset"/>, for the next <see cref="Read"/> there.
    /// Safe on another thread while the current buffer is being read, as long as nothing else calls this reader until
    /// it returns.
    /// </summary>
    public void Prefetch(long offset) => Fill(_spare, offset, 0);

    /// <summary>True when every byte from <paramref name="offset"/> to the end of the segment is zero.</summary>
    public bool IsZeroFrom(long offset)
    {
        for (var at = offset; at < _length;)
        {
            var chunk = (int)Math.Min(_current.Buffer.Length, _length - at);
            if (Read(at, chunk).ContainsAnyExcept((byte)0))
            {
                return false;
            }

            at += chunk;
        }

        return true;
    }

    private void Advance(long offset, int length)
    {
        if (_spare.Holds(offset, length))
        {
            (_current, _spare) = (_spare, _current);
        }
        else
        {
            Fill(_current, offset, length);
        }

        _spare.Clear();
        BytesRead += _current.Count;
    }

    private void Fill(Window window, long offset, int length)
    {
        if (length > window.Buffer.Length)
        {
            window.Buffer = new byte[length];
        }

        var count = (int)Math.Min(window.Buffer.Length, _length - offset);
        var destination = window.Buffer.AsSpan(0, count);
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

        window.Start = offset;
        window.Count = count;
    }

    /// <summary>One buffer and the segment range it holds.</summary>
    private sealed class Window(int size)
    {
        public byte[] Buffer { get; set; } = new byte[size];

        public long Start { get; set; }

        public int Count { get; set; }

        public bool Holds(long offset, int length) => offset >= Start && offset + length <= Start + Count;

        public void Clear()
        {
            Start = 0;
            Count = 0;
        }
    }
}
