using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Tests.Values;

public class MoneyTests
{
    private static Money Eur(decimal amount) => new(amount, Currency.EUR);

    private static Money Usd(decimal amount) => new(amount, Currency.USD);

    [Fact]
    public void Money_of_one_currency_adds_and_subtracts()
    {
        Assert.Equal(Eur(15.75m), Eur(10.50m) + Eur(5.25m));
        Assert.Equal(Eur(-5m), Eur(1m) - Eur(6m));
        Assert.Equal(Eur(31.50m), Eur(10.50m) * 3);
        Assert.Equal(Eur(3.5m), Eur(10.50m) / 3);
    }

    [Fact]
    public void Adding_different_currencies_throws_naming_both()
    {
        var ex = Assert.Throws<CurrencyMismatchException>(() => Eur(1m) + Usd(1m));

        Assert.Equal((Currency.EUR, Currency.USD), (ex.Left, ex.Right));
        Assert.Contains("Cannot add EUR and USD", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Comparing_different_currencies_throws()
    {
        Assert.Throws<CurrencyMismatchException>(() => Eur(1m) < Usd(2m));
    }

    [Fact]
    public void Equal_amounts_in_different_currencies_are_not_equal()
    {
        Assert.NotEqual(Eur(1m), Usd(1m));
        Assert.Equal(Eur(1.0m), Eur(1.00m));
    }

    [Theory]
    [InlineData("10.005", "EUR", "10.01")]
    [InlineData("-10.005", "EUR", "-10.01")]
    [InlineData("1234.5", "JPY", "1235")]
    [InlineData("1.23456", "KWD", "1.235")]
    public void Rounding_goes_to_the_currency_minor_units_half_away_from_zero(string amount, string code, string expected)
    {
        var money = new Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), Currency.Parse(code));

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), money.Round().Amount);
    }

    [Fact]
    public void Bankers_rounding_is_available_on_request()
    {
        Assert.Equal(10.00m, Eur(10.005m).Round(MidpointRounding.ToEven).Amount);
    }

    [Fact]
    public void Money_round_trips_through_its_text_form()
    {
        var money = Eur(1234.50m);

        Assert.Equal("1234.50 EUR", money.ToString());
        Assert.Equal(money, Money.Parse("1234.50 EUR"));
        Assert.False(Money.TryParse("1234.50", out _));
        Assert.False(Money.TryParse("12 XYZ", out _));
    }

    [Fact]
    public void Money_needs_a_currency()
    {
        Assert.Throws<ArgumentException>(() => new Money(1m, default));
    }
}
