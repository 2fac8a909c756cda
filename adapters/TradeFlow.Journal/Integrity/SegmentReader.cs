using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
using Microsoft.Win32.SafeHandles;

namespace TradeFlow.Journal.Integrity;

/// <summary>
/// Sequential reads of one segment through large reused buffers, bounded by the length the segment had when the
/// scan reached it (a live writer only appends beyond it). One read call per buffer, so a scan costs one system
/// call per few megabytes rather than one per record. Three buffers: the current one (being framed and hashed), one
/// <see cref="Pin"/>ned for the batch still to be applied, and one that <see cref="Prefetch"/> fills ahead on another
/// thread, so the kernel's copy out of the page cache overlaps the checks instead of adding to them.
/// </summary>
internal sealed class SegmentReader(int bufferSize)
{
    private readonly Window[] _windows = [new(bufferSize), new(bufferSize), new(bufferSize)];
    private SafeFileHandle? _handle;
    private long _length;
    private int _current;
    private int _pinned = -1;
    private int _prefetched = -1;

    /// <summary>Bytes read from the file into the buffer that was then checked, so far (for progress and the report).</summary>
    public long BytesRead { get; private set; }

    /// <summary>The current buffer (records are sliced from it by <see cref="Start"/>-relative offsets).</summary>
    public byte[] Buffer => _windows[_current].Buffer;

    /// <summary>The segment offset of <see cref="Buffer"/>'s first byte.</summary>
    public long Start => _windows[_current].Start;

    public void Attach(SafeFileHandle handle, long length)
    {
        _handle = handle;
        _length = length;
        foreach (var window in _windows)
        {
            window.Clear();
        }

        _pinned = -1;
        _prefetched = -1;
    }

    /// <summary>True when [offset, offset + length) is in the current buffer, so reading it needs no I/O.</summary>
    public bool Holds(long offset, int length) => _windows[_current].Holds(offset, length);

    /// <summary>Keeps the current buffer as it is (a batch framed in it is still to be checked) until the next pin.</summary>
    public void Pin() => _pinned = _current;

    /// <summary>The bytes [offset, offset + length); the caller has checked they lie within the segment.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadOnlySpan<byte> Read(long offset, int length)
    {
        var window = _windows[_current];
        if (!window.Holds(offset, length))
        {
            window = Advance(offset, length);
        }

        return window.Buffer.AsSpan((int)(offset - window.Start), length);
    }

    /// <summary>
    /// Fills a free buffer (neither current nor pinned) with the segment from <paramref name="offset"/>, for the next
    /// <see cref="Read"/> there. Safe on another thread while the current and pinned buffers are being read, as long
    /// as nothing else calls this reader until it returns.
    /// </summary>
    public void Prefetch(long offset)
    {
        var free = Free();
        Fill(_windows[free], offset, 0);
        _prefetched = free;
    }

    /// <summary>
    /// Hints the processor to bring the cache line holding segment byte <paramref name="offset"/> in, when it is in the
    /// current buffer; no effect otherwise (nor on processors without the instruction). Never faults.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void HintCacheLine(long offset)
    {
        var window = _windows[_current];
        var at = unchecked(offset - window.Start);
        if (Sse.IsSupported && (ulong)at < (ulong)window.Count)
        {
            fixed (byte* line = &window.Buffer[at])
            {
                Sse.Prefetch0(line);
            }
        }
    }

    /// <summary>True when every byte from <paramref name="offset"/> to the end of the segment is zero.</summary>
    public bool IsZeroFrom(long offset)
    {
        for (var at = offset; at < _length;)
        {
            var chunk = (int)Math.Min(_windows[_current].Buffer.Length, _length - at);
            if (Read(at, chunk).ContainsAnyExcept((byte)0))
            {
                return false;
            }

            at += chunk;
        }

        return true;
    }

    private Window Advance(long offset, int length)
    {
        if (_prefetched >= 0 && _windows[_prefetched].Holds(offset, length))
        {
            _current = _prefetched;
        }
        else
        {
            var free = Free();
            Fill(_windows[free], offset, length);
            _current = free;
        }

        _prefetched = -1;
        var window = _windows[_current];
        BytesRead += window.Count;
        return window;
    }

    private int Free()
    {
        for (var i = 0; ; i++)
        {
            if (i != _current && i != _pinned)
            {
                return i;
            }
        }
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
