using System.Buffers.Binary;

namespace TradeFlow.Replay.Tests.Support;

/// <summary>Test-side walking and forging of journal segment files (format in docs/journal-format.md), independent of the journal's code.</summary>
internal static class JournalFiles
{
    private const int HeaderSize = 72;
    private static readonly uint[] Table = BuildTable();

    public static string[] Segments(string dataDirectory) =>
        Directory.GetFiles(Path.Combine(dataDirectory, "journal"), "segment-*.tfj").Order(StringComparer.Ordinal).ToArray();

    public static List<(int Offset, int Length)> Records(byte[] segment)
    {
        var records = new List<(int, int)>();
        for (var at = HeaderSize; at + 12 <= segment.Length;)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(segment.AsSpan(at));
            records.Add((at, length));
            at += length;
        }

        return records;
    }

    /// <summary>Rewrites a record's CRC after an edit, as a forger would.</summary>
    public static void RecomputeCrc(byte[] segment, int offset, int length) =>
        BinaryPrimitives.WriteUInt32LittleEndian(segment.AsSpan(offset + 8), Crc32C(segment.AsSpan(offset + 12, length - 12)));

    private static uint Crc32C(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0x82F63B78u ^ (c >> 1) : c >> 1;
            }

            table[i] = c;
        }

        return table;
    }
}
