using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Tests.Values;

public class PriceTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_price_must_be_greater_than_zero(int value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Price.Of(value));
        Assert.False(Price.TryCreate(value, out _));
    }

    [Fact]
    public void A_price_keeps_its_scale_in_text()
    {
        Assert.Equal("12.50", Price.Parse("12.50").ToString());
        Assert.Equal(Price.Of(12.5m), Price.Parse("12.50"));
        Assert.False(Price.TryParse("-3", out _));
        Assert.False(Price.TryParse("abc", out _));
    }

    [Fact]
    public void Prices_compare_by_value()
    {
        Assert.True(Price.Of(1m) < Price.Of(2m));
        Assert.True(Price.Of(2m) >= Price.Of(2.0m));
    }
}
