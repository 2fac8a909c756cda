using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Tests.Values;

public class TradeIdTests
{
    [Fact]
    public void A_trade_id_is_T_and_twelve_digits()
    {
        Assert.Equal("T000000000042", TradeId.FromInt64(42).ToString());
        Assert.Equal(TradeId.FromInt64(42), TradeId.Parse("T000000000042"));
        Assert.Equal("T999999999999", TradeId.FromInt64(TradeId.MaxValue).ToString());
    }

    [Theory]
    [InlineData("T000000000000")]
    [InlineData("T00000000042")]
    [InlineData("X000000000042")]
    [InlineData("T00000000004A")]
    [InlineData("t000000000042")]
    [InlineData("T00000000004/")]
    [InlineData("T-00000000042")]
    public void Malformed_trade_ids_are_rejected(string text)
    {
        Assert.False(TradeId.TryParse(text, out _));
        Assert.Throws<FormatException>(() => TradeId.Parse(text));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1_000_000_000_000)]
    public void Trade_ids_are_positive_and_fit_twelve_digits(long value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TradeId.FromInt64(value));
    }

    [Fact]
    public void Ids_are_assigned_in_sequence()
    {
        Assert.Equal(TradeId.FromInt64(2), TradeId.First.Next());
        Assert.Equal(TradeId.FromInt64(11), TradeId.First.Plus(10));
        Assert.True(TradeId.First < TradeId.First.Next());
        Assert.Throws<InvalidOperationException>(() => TradeId.FromInt64(TradeId.MaxValue).Next());
    }

    [Fact]
    public void Formatting_into_a_span_writes_the_thirteen_characters()
    {
        Span<char> buffer = stackalloc char[20];

        Assert.True(TradeId.FromInt64(7).TryFormat(buffer, out var written));
        Assert.Equal("T000000000007", buffer[..written].ToString());
        Assert.False(TradeId.FromInt64(7).TryFormat(buffer[..12], out _));
    }
}
