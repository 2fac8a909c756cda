using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Tests.Values;

public class QuantityTests
{
    [Fact]
    public void A_quantity_cannot_be_negative()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Quantity.Of(-0.01m));
        Assert.True(Quantity.Of(0m).IsZero);
    }

    [Fact]
    public void Subtracting_more_than_there_is_throws_instead_of_going_negative()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Quantity.Of(5m) - Quantity.Of(6m));

        Assert.Contains("cannot go negative", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quantities_add_subtract_and_multiply_by_a_price()
    {
        Assert.Equal(Quantity.Of(7m), Quantity.Of(5m) + Quantity.Of(2m));
        Assert.Equal(Quantity.Zero, Quantity.Of(5m) - Quantity.Of(5m));
        Assert.Equal(1905m, Quantity.Of(10m).Times(Price.Of(190.5m)));
    }

    [Fact]
    public void Quantities_parse_from_invariant_text()
    {
        Assert.Equal(Quantity.Of(1_000_000m), Quantity.Parse("1000000"));
        Assert.False(Quantity.TryParse("-1", out _));
        Assert.False(Quantity.TryParse("1,000", out _));
    }
}
