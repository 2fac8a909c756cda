using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;

namespace TradeFlow.Fix.Store;

/// <summary>
/// The framing of a <see cref="LogMessageStore"/> record: payload length (4 bytes, little-endian), kind (1 byte),
/// payload, then a CRC-32C (4 bytes) of everything before it. A zero length and kind never frame a record, so a
/// zero-filled tail reads as the end of the log.
/// </summary>
internal static class LogRecord
{
    /// <summary>Bytes before the payload.</summary>
    public const int HeaderSize = 5;

    /// <summary>Bytes a record adds around its payload.</summary>
    public const int Overhead = HeaderSize + 4;

    /// <summary>The largest payload a record may declare (a FIX message is far smaller): guards recovery against a garbled length.</summary>
    public const int MaxPayload = 16 * 1024 * 1024;

    /// <summary>Appends a record of <paramref name="kind"/> whose payload is <paramref name="prefix"/> then <paramref name="payload"/>.</summary>
    public static void Write(IBufferWriter<byte> output, LogRecordKind kind, ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> payload)
    {
        var length = prefix.Length + payload.Length;
        var span = output.GetSpan(length + Overhead);
        BinaryPrimitives.WriteInt32LittleEndian(span, length);
        span[4] = (byte)kind;
        prefix.CopyTo(span[HeaderSize..]);
        payload.CopyTo(span[(HeaderSize + prefix.Length)..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[(HeaderSize + length)..], Crc(span[..(HeaderSize + length)]));
        output.Advance(length + Overhead);
    }

    /// <summary>
    /// Reads the record at the start of <paramref name="data"/>: true with its kind, payload and size when it is whole
    /// and its checksum holds; false when it is short, framed by nothing plausible, or its checksum fails.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> data, out LogRecordKind kind, out ReadOnlySpan<byte> payload, out int size)
    {
        kind = default;
        payload = default;
        size = 0;
        if (data.Length < Overhead)
        {
            return false;
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(data);
        if (length < 0 || length > MaxPayload || length > data.Length - Overhead
            || data[4] is < (byte)LogRecordKind.Created or > (byte)LogRecordKind.Resolution)
        {
            return false;
        }

        if (BinaryPrimitives.ReadUInt32LittleEndian(data[(HeaderSize + length)..]) != Crc(data[..(HeaderSize + length)]))
        {
            return false;
        }

        kind = (LogRecordKind)data[4];
        payload = data.Slice(HeaderSize, length);
        size = length + Overhead;
        return true;
    }

    /// <summary>CRC-32C (Castagnoli), hardware-accelerated where the CPU has it.</summary>
    public static uint Crc(ReadOnlySpan<byte> data)
    {
        var crc = uint.MaxValue;
        while (data.Length >= 8)
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[8..];
        }

        foreach (var b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }

        return ~crc;
    }
}
