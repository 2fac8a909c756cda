using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Tests.Values;

public class ShortCodeIdTests
{
    [Theory]
    [InlineData("FX-LDN")]
    [InlineData("A")]
    [InlineData("RATES_LDN_01")]
    [InlineData("0")]
    public void Book_and_trader_codes_round_trip(string code)
    {
        Assert.Equal(code, BookId.Parse(code).ToString());
        Assert.Equal(code, TraderId.Parse(code).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("fx-ldn")]
    [InlineData("FX LDN")]
    [InlineData("THIRTEEN-CHAR")]
    public void Invalid_codes_are_rejected(string code)
    {
        Assert.False(BookId.TryParse(code, out _));
        Assert.Throws<FormatException>(() => TraderId.Parse(code));
    }

    [Fact]
    public void Codes_order_like_their_text()
    {
        string[] codes = ["B", "AB", "A", "A-1", "A_", "A0", "Z9"];

        Assert.Equal(codes.Order(StringComparer.Ordinal), codes.Select(BookId.Parse).Order().Select(b => b.ToString()));
    }
}
