using System.Buffers.Binary;
using TradeFlow.Journal.Format;

namespace TradeFlow.Journal.Storage;

/// <summary>A run of bytes read from one segment, out of which sequential reads slice whole records.</summary>
internal readonly struct ReadChunk(byte[] bytes, long segment, long start, int length)
{
    public byte[] Buffer => bytes;

    public bool Covers(long location)
    {
        if (length == 0 || JournalFormat.SegmentOf(location) != segment)
        {
            return false;
        }

        var at = JournalFormat.OffsetOf(location) - start;
        return at >= 0 && at + JournalFormat.RecordHeaderSize <= length
            && BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan((int)at)) is var size
            && size >= JournalFormat.MinRecordLength && at + size <= length;
    }

    public ReadOnlyMemory<byte> RecordAt(long location)
    {
        var at = (int)(JournalFormat.OffsetOf(location) - start);
        return bytes.AsMemory(at, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at)));
    }
}
