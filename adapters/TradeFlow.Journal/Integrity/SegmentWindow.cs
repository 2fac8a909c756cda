using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace TradeFlow.Journal.Integrity;

/// <summary>One read buffer of a <see cref="SegmentReader"/> and the segment range it holds.</summary>
internal sealed class SegmentWindow(int size)
{
    /// <summary>The bytes; records are sliced from it by <see cref="Start"/>-relative offsets.</summary>
    public byte[] Buffer { get; set; } = new byte[size];

    /// <summary>The segment offset of <see cref="Buffer"/>'s first byte.</summary>
    public long Start { get; set; }

    /// <summary>How many bytes of <see cref="Buffer"/> hold segment bytes.</summary>
    public int Count { get; set; }

    /// <summary>True when [offset, offset + length) is in the buffer, so reading it needs no I/O.</summary>
    public bool Holds(long offset, int length) => offset >= Start && offset + length <= Start + Count;

    /// <summary>The bytes [offset, offset + length), which the caller has checked it <see cref="Holds"/>.</summary>
    public ReadOnlySpan<byte> Slice(long offset, int length) => Buffer.AsSpan((int)(offset - Start), length);

    /// <summary>Forgets what the buffer held (a new segment).</summary>
    public void Clear()
    {
        Start = 0;
        Count = 0;
    }

    /// <summary>
    /// Hints the processor to bring the cache line holding segment byte <paramref name="offset"/> in, when it is in
    /// this buffer; no effect otherwise (nor on processors without the instruction). Never faults.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void HintCacheLine(long offset)
    {
        var at = unchecked(offset - Start);
        if (Sse.IsSupported && (ulong)at < (ulong)Count)
        {
            fixed (byte* line = &Buffer[at])
            {
                Sse.Prefetch0(line);
            }
        }
    }
}
