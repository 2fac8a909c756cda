using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
using TradeFlow.Journal.Format;

namespace TradeFlow.Journal.Integrity;

/// <summary>
/// The records framed in one read buffer, and what the parallel pass found about each: whether its CRC-32C holds,
/// whether its chain hash does, and what the caller's record check said. Framing and the checks that depend on the
/// records before them stay sequential; only these per-record verdicts, which need nothing but the record and the
/// stored hash before it, are computed on two threads. Reused from buffer to buffer, always through the same
/// <see cref="SegmentWindow"/>, so the records of the batches in flight never share a buffer.
/// </summary>
internal sealed class RecordBatch(SegmentWindow window)
{
    /// <summary>Verdict bit: the record's CRC-32C holds.</summary>
    public const byte CrcHolds = 1;

    /// <summary>Verdict bit: the record's chain hash equals SHA-256(previous stored hash ‖ body).</summary>
    public const byte HashHolds = 2;

    private long[] _offsets = new long[1024];
    private int[] _lengths = new int[1024];
    private byte[] _verdicts = new byte[1024];
    private string?[] _findings = new string?[1024];
    private uint[] _streamHashes = new uint[1024];

    /// <summary>The reader's window this batch is framed in (and which nothing else fills until it is applied).</summary>
    public SegmentWindow Window { get; } = window;

    /// <summary>The read buffer the records lie in (as the window held it when framing stopped).</summary>
    public byte[] Buffer { get; private set; } = [];

    /// <summary>The segment offset of <see cref="Buffer"/>'s first byte.</summary>
    public long BufferStart { get; private set; }

    /// <summary>Records framed.</summary>
    public int Count { get; private set; }

    /// <summary>The stored chain hash of the record before the first one (or the segment header's previous hash).</summary>
    public byte[] PreviousHash { get; } = new byte[JournalFormat.HashSize];

    /// <summary>Why framing stopped.</summary>
    public FrameEnd End { get; private set; }

    /// <summary>The segment offset where framing stopped (the next record's start).</summary>
    public long EndOffset { get; private set; }

    /// <summary>The problem that stopped framing, for <see cref="FrameEnd.Unreadable"/>.</summary>
    public string? EndReason { get; private set; }

    public long Offset(int index) => _offsets[index];

    /// <summary>The whole record <paramref name="index"/> (frame, body, hash), in <see cref="Buffer"/>.</summary>
    public ReadOnlySpan<byte> Record(int index) => Buffer.AsSpan((int)(_offsets[index] - BufferStart), _lengths[index]);

    public int Length(int index) => _lengths[index];

    public byte Verdict(int index) => _verdicts[index];

    public string? Finding(int index) => _findings[index];

    public void Reset(ReadOnlySpan<byte> previousHash)
    {
        Count = 0;
        EndReason = null;
        previousHash.CopyTo(PreviousHash);
    }

    public void Add(long offset, int length)
    {
        if (Count == _offsets.Length)
        {
            Array.Resize(ref _offsets, Count * 2);
            Array.Resize(ref _lengths, Count * 2);
            Array.Resize(ref _verdicts, Count * 2);
            Array.Resize(ref _findings, Count * 2);
            Array.Resize(ref _streamHashes, Count * 2);
        }

        _offsets[Count] = offset;
        _lengths[Count] = length;
        Count++;
    }

    /// <summary>Ends the framing: why and where; the records lie in what <see cref="Window"/> now holds.</summary>
    public void Stop(FrameEnd end, long offset, string? reason)
    {
        Buffer = Window.Buffer;
        BufferStart = Window.Start;
        End = end;
        EndOffset = offset;
        EndReason = reason;
    }

    /// <summary>The stored chain hash of the last record, or the hash before the first when there is none.</summary>
    public ReadOnlySpan<byte> LastHash => Count == 0 ? PreviousHash : Record(Count - 1)[^JournalFormat.HashSize..];

    /// <summary>Sets record <paramref name="index"/>'s verdict; each index is written by exactly one thread.</summary>
    public void SetVerdict(int index, byte verdict, string? finding)
    {
        _verdicts[index] = verdict;
        _findings[index] = finding;
    }

    /// <summary>The stream-id hash the checking thread left for record <paramref name="index"/> (a prefetch hint; any value for a damaged record).</summary>
    public uint StreamHash(int index) => _streamHashes[index];

    /// <summary>Leaves the stream-id hash of record <paramref name="index"/> for the sequential checks' prefetch.</summary>
    public void SetStreamHash(int index, uint hash) => _streamHashes[index] = hash;

    /// <summary>Hints the processor to fetch the first cache lines of record <paramref name="index"/> (frame, key, stream id).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void HintRecord(int index)
    {
        if (Sse.IsSupported)
        {
            fixed (byte* record = &Buffer[(int)(_offsets[index] - BufferStart)])
            {
                Sse.Prefetch0(record);
                Sse.Prefetch0(record + 64);
                Sse.Prefetch0(record + 128);
            }
        }
    }
}
