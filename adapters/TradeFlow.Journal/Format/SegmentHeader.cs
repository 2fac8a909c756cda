using System.Buffers.Binary;

namespace TradeFlow.Journal.Format;

/// <summary>
/// The 72-byte header at the start of every segment: magic, format version, segment number, the global
/// position of its first record, the chain hash it continues from (the previous segment's last hash, zeros
/// for segment 0), and a CRC-32C of the preceding 64 bytes.
/// </summary>
internal readonly struct SegmentHeader(long number, long firstPosition, ReadOnlyMemory<byte> previousHash)
{
    /// <summary>Where the previous hash sits in the header (32 bytes): the chain hash at the segment's first record place.</summary>
    public const int PreviousHashOffset = 32;

    public long Number { get; } = number;

    public long FirstPosition { get; } = firstPosition;

    public ReadOnlyMemory<byte> PreviousHash { get; } = previousHash;

    public void Write(Span<byte> destination)
    {
        destination[..JournalFormat.SegmentHeaderSize].Clear();
        JournalFormat.SegmentMagic.CopyTo(destination);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[8..], JournalFormat.Version);
        BinaryPrimitives.WriteInt64LittleEndian(destination[16..], Number);
        BinaryPrimitives.WriteInt64LittleEndian(destination[24..], FirstPosition);
        PreviousHash.Span.CopyTo(destination[PreviousHashOffset..64]);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[64..], Crc32C.Compute(destination[..64]));
    }

    /// <summary>Parses a header; returns a reason when it is not a valid version-1 header.</summary>
    public static string? TryRead(ReadOnlySpan<byte> source, out SegmentHeader header)
    {
        header = default;
        if (source.Length < JournalFormat.SegmentHeaderSize)
        {
            return "the segment header is incomplete";
        }

        if (!source[..8].SequenceEqual(JournalFormat.SegmentMagic))
        {
            return "the segment magic is wrong (not a TradeFlow journal segment)";
        }

        if (BinaryPrimitives.ReadUInt32LittleEndian(source[64..]) != Crc32C.Compute(source[..64]))
        {
            return "the segment header checksum does not match";
        }

        var version = BinaryPrimitives.ReadUInt32LittleEndian(source[8..]);
        if (version != JournalFormat.Version)
        {
            return $"the segment format version is {version}, this build reads {JournalFormat.Version}";
        }

        header = new SegmentHeader(
            BinaryPrimitives.ReadInt64LittleEndian(source[16..]),
            BinaryPrimitives.ReadInt64LittleEndian(source[24..]),
            source[PreviousHashOffset..64].ToArray());
        return null;
    }
}
