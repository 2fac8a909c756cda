using System.Buffers.Binary;

namespace TradeFlow.Journal.Format;

/// <summary>
/// A record's frame around its body: <c>u32 length</c> (whole record), <c>u32 CRC-32C of the length
/// field</c> (so a damaged length is never trusted), <c>u32 CRC-32C of body ‖ hash</c>, the body, and
/// the 32-byte chain hash.
/// </summary>
internal static class RecordFrame
{
    /// <summary>Fills the frame of <paramref name="record"/> (whose body is already written) and its chain hash.</summary>
    public static void Seal(Span<byte> record, ReadOnlySpan<byte> previousHash, ChainHasher hasher)
    {
        BinaryPrimitives.WriteInt32LittleEndian(record, record.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(record[4..], Crc32C.Compute(record[..4]));
        hasher.Chain(previousHash, Body(record), record[^JournalFormat.HashSize..]);
        BinaryPrimitives.WriteUInt32LittleEndian(record[8..], Crc32C.Compute(record[JournalFormat.RecordHeaderSize..]));
    }

    /// <summary>The length a record header declares, or -1 when the header's own check fails or the length is out of bounds.</summary>
    public static int DeclaredLength(ReadOnlySpan<byte> header)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(header);
        if (BinaryPrimitives.ReadUInt32LittleEndian(header[4..]) != Crc32C.ComputeLittleEndian((uint)length)
            || length < JournalFormat.MinRecordLength || length > JournalFormat.MaxRecordLength)
        {
            return -1;
        }

        return length;
    }

    /// <summary>True when the record's CRC matches its body and hash.</summary>
    public static bool CrcMatches(ReadOnlySpan<byte> record) =>
        BinaryPrimitives.ReadUInt32LittleEndian(record[8..]) == Crc32C.Compute(record[JournalFormat.RecordHeaderSize..]);

    /// <summary>The body of a whole record.</summary>
    public static ReadOnlySpan<byte> Body(ReadOnlySpan<byte> record) =>
        record[JournalFormat.RecordHeaderSize..^JournalFormat.HashSize];

    /// <summary>The body of a whole record, writable.</summary>
    public static Span<byte> Body(Span<byte> record) =>
        record[JournalFormat.RecordHeaderSize..^JournalFormat.HashSize];

    /// <summary>The stored chain hash of a whole record.</summary>
    public static ReadOnlySpan<byte> Hash(ReadOnlySpan<byte> record) => record[^JournalFormat.HashSize..];
}
