using System.Text;
using TradeFlow.Journal.Format;

namespace TradeFlow.Journal.Tests;

public sealed class Crc32CTests
{
    [Fact]
    public void The_checksum_of_the_standard_check_string_is_E3069283() =>
        Assert.Equal(0xE3069283u, Crc32C.Compute(Encoding.ASCII.GetBytes("123456789")));

    [Fact]
    public void The_intrinsic_and_table_paths_agree_on_every_length()
    {
        var bytes = new byte[1031];
        new Random(3).NextBytes(bytes);
        for (var length = 0; length <= bytes.Length; length += 7)
        {
            Assert.Equal(Crc32C.ComputeWithTable(bytes.AsSpan(0, length)), Crc32C.Compute(bytes.AsSpan(0, length)));
        }
    }

    [Fact]
    public void The_one_instruction_checksum_of_four_bytes_equals_the_checksum_of_those_bytes()
    {
        var random = new Random(5);
        var bytes = new byte[4];
        for (var i = 0; i < 1000; i++)
        {
            random.NextBytes(bytes);
            Assert.Equal(Crc32C.ComputeWithTable(bytes), Crc32C.ComputeLittleEndian(BitConverter.ToUInt32(bytes)));
        }
    }
}
