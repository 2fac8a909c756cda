using System.Buffers.Binary;
using TradeFlow.Journal.Format;

namespace TradeFlow.Journal.Tests;

/// <summary>Test-side walking of a segment's record frames (independent of the journal's scanner).</summary>
internal static class SegmentBytes
{
    public static List<(int Offset, int Length)> Records(byte[] segment)
    {
        var records = new List<(int, int)>();
        for (var at = JournalFormat.SegmentHeaderSize; at < segment.Length;)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(segment.AsSpan(at));
            records.Add((at, length));
            at += length;
        }

        return records;
    }

    /// <summary>Rewrites a record's CRC after an edit, as a forger would.</summary>
    public static void RecomputeCrc(byte[] segment, int offset, int length) =>
        BinaryPrimitives.WriteUInt32LittleEndian(segment.AsSpan(offset + 8), Crc32C.Compute(segment.AsSpan(offset + JournalFormat.RecordHeaderSize, length - JournalFormat.RecordHeaderSize)));
}
