namespace TradeFlow.Journal.Format;

/// <summary>The on-disk constants of format version 1 (described byte by byte in docs/journal-format.md).</summary>
internal static class JournalFormat
{
    /// <summary>The format version written in every segment header.</summary>
    public const uint Version = 1;

    /// <summary>Bytes of a segment header.</summary>
    public const int SegmentHeaderSize = 72;

    /// <summary>Bytes before a record's body: length, header check, CRC.</summary>
    public const int RecordHeaderSize = 12;

    /// <summary>Bytes of the chain hash that ends every record (SHA-256).</summary>
    public const int HashSize = 32;

    /// <summary>Bytes of a body's fixed part, before the variable fields.</summary>
    public const int BodyFixedSize = 108;

    /// <summary>The smallest valid record.</summary>
    public const int MinRecordLength = RecordHeaderSize + BodyFixedSize + 2 + HashSize;

    /// <summary>The largest record accepted (bounds a damaged length before it is trusted).</summary>
    public const int MaxRecordLength = 64 << 20;

    /// <summary>Body flag: this record is the last of its commit (batch).</summary>
    public const byte CommitFlag = 1;

    /// <summary>A 16-bit length meaning "null string".</summary>
    public const ushort NullString = 0xFFFF;

    /// <summary>The segment magic, "TFJOURNL".</summary>
    public static ReadOnlySpan<byte> SegmentMagic => "TFJOURNL"u8;

    /// <summary>The checkpoint magic, "TFJINDEX".</summary>
    public static ReadOnlySpan<byte> CheckpointMagic => "TFJINDEX"u8;

    /// <summary>The file name of segment <paramref name="number"/>.</summary>
    public static string SegmentFileName(long number) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"segment-{number:D8}.tfj");

    /// <summary>Packs a record's location: segment number in the top 24 bits, byte offset in the low 40.</summary>
    public static long Location(long segment, long offset) => (segment << 40) | offset;

    /// <summary>The segment number of a packed location.</summary>
    public static long SegmentOf(long location) => location >>> 40;

    /// <summary>The byte offset of a packed location.</summary>
    public static long OffsetOf(long location) => location & ((1L << 40) - 1);
}
