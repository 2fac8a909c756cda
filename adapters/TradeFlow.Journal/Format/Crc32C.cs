using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace TradeFlow.Journal.Format;

/// <summary>
/// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78, initial value and final xor 0xFFFFFFFF) — the
/// checksum of iSCSI, ext4 and RocksDB. Uses the SSE4.2 <c>crc32</c> instruction eight bytes at a time
/// when present, else a table (System.IO.Hashing is not available here).
/// </summary>
internal static class Crc32C
{
    private const uint Polynomial = 0x82F63B78u;
    private static readonly uint[] Table = BuildTable();

    /// <summary>The CRC-32C of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => ~Update(0xFFFFFFFFu, data);

    /// <summary>
    /// The CRC-32C of the four little-endian bytes of <paramref name="value"/> in one instruction: a record header's
    /// length check, framed once per record on the scan's sequential path.
    /// </summary>
    public static uint ComputeLittleEndian(uint value) =>
        Sse42.IsSupported ? ~Sse42.Crc32(0xFFFFFFFFu, value) : ComputeLittleEndianWithTable(value);

    /// <summary>Continues a running CRC state (start at 0xFFFFFFFF, finish with bitwise not).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        if (Sse42.X64.IsSupported)
        {
            ulong crc64 = crc;
            while (data.Length >= 8)
            {
                crc64 = Sse42.X64.Crc32(crc64, BinaryPrimitives.ReadUInt64LittleEndian(data));
                data = data[8..];
            }

            crc = (uint)crc64;
            foreach (var b in data)
            {
                crc = Sse42.Crc32(crc, b);
            }

            return crc;
        }

        return UpdateTable(crc, data);
    }

    /// <summary>The portable path; also used by the tests to check the intrinsic path against it.</summary>
    internal static uint ComputeWithTable(ReadOnlySpan<byte> data) => ~UpdateTable(0xFFFFFFFFu, data);

    private static uint ComputeLittleEndianWithTable(uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return ComputeWithTable(bytes);
    }

    private static uint UpdateTable(uint crc, ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? Polynomial ^ (c >> 1) : c >> 1;
            }

            table[i] = c;
        }

        return table;
    }
}
