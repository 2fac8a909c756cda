using System.Runtime.CompilerServices;
using Microsoft.Win32.SafeHandles;

namespace TradeFlow.Journal.Integrity;

/// <summary>
/// Sequential reads of one segment through large reused buffers, bounded by the length the segment had when the
/// scan reached it (a live writer only appends beyond it). One read call per buffer, so a scan costs one system
/// call per few megabytes rather than one per record. Three <see cref="SegmentWindow"/>s, one per batch in flight:
/// the batch whose checks are being applied, the one being hashed, and the next one, which the thread that reads it
/// also frames (its headers are then in that thread's cache) while the other two are worked on.
/// </summary>
/// <remarks>
/// The caller names the window each read goes to; a window is filled by one thread at a time (the framing of its
/// batch) and read by the others only after the scanner hands the batch over through <see cref="BatchVerifier"/>'s
/// wait, which orders the memory — so <see cref="BytesRead"/>, added to by whichever thread filled a window, needs no
/// interlocked update: no two fills ever run at once.
/// </remarks>
internal sealed class SegmentReader(int bufferSize)
{
    private readonly SegmentWindow[] _windows = NewWindows(bufferSize);
    private SafeFileHandle? _handle;
    private long _length;

    /// <summary>The number of windows (batches that can be in flight at once).</summary>
    public const int Windows = 3;

    /// <summary>Bytes read from the file into the buffers that were then checked, so far (for progress and the report).</summary>
    public long BytesRead { get; private set; }

    private static SegmentWindow[] NewWindows(int bufferSize)
    {
        var windows = new SegmentWindow[Windows];
        for (var i = 0; i < windows.Length; i++)
        {
            windows[i] = new SegmentWindow(bufferSize);
        }

        return windows;
    }

    /// <summary>Window <paramref name="index"/> (0 to <see cref="Windows"/> − 1).</summary>
    public SegmentWindow Window(int index) => _windows[index];

    public void Attach(SafeFileHandle handle, long length)
    {
        _handle = handle;
        _length = length;
        foreach (var window in _windows)
        {
            window.Clear();
        }
    }

    /// <summary>
    /// The bytes [offset, offset + length) through <paramref name="window"/>, which is refilled from
    /// <paramref name="offset"/> (as much as it takes, at least <paramref name="length"/>) when it does not hold
    /// them; the caller has checked they lie within the segment.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadOnlySpan<byte> Read(SegmentWindow window, long offset, int length)
    {
        if (!window.Holds(offset, length))
        {
            Fill(window, offset, length);
        }

        return window.Slice(offset, length);
    }

    /// <summary>True when every byte from <paramref name="offset"/> to the end of the segment is zero (read through <paramref name="window"/>).</summary>
    public bool IsZeroFrom(SegmentWindow window, long offset)
    {
        for (var at = offset; at < _length;)
        {
            var chunk = (int)Math.Min(window.Buffer.Length, _length - at);
            if (Read(window, at, chunk).ContainsAnyExcept((byte)0))
            {
                return false;
            }

            at += chunk;
        }

        return true;
    }

    private void Fill(SegmentWindow window, long offset, int length)
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
        BytesRead += count;
    }
}
