using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Tests.Values;

public class CurrencyTests
{
    [Theory]
    [InlineData("USD", 2)]
    [InlineData("EUR", 2)]
    [InlineData("JPY", 0)]
    [InlineData("KWD", 3)]
    [InlineData("CNY", 2)]
    public void A_known_code_parses_with_its_iso_minor_units(string code, int minorUnits)
    {
        var currency = Currency.Parse(code);

        Assert.Equal(code, currency.Code);
        Assert.Equal(minorUnits, currency.MinorUnits);
        Assert.Equal(code, currency.ToString());
    }

    [Theory]
    [InlineData("usd")]
    [InlineData("US")]
    [InlineData("USDX")]
    [InlineData("XYZ")]
    [InlineData("")]
    public void Malformed_or_unknown_codes_are_rejected(string code)
    {
        Assert.False(Currency.TryParse(code.AsSpan(), out _));
        Assert.Throws<FormatException>(() => Currency.Parse(code));
    }

    [Fact]
    public void The_table_holds_at_least_the_major_currencies()
    {
        string[] required = ["USD", "EUR", "GBP", "JPY", "CHF", "CAD", "AUD", "NZD", "SEK", "NOK", "DKK", "HKD", "SGD", "CNY"];

        Assert.All(required, code => Assert.Contains(Currency.Parse(code), Currency.All));
    }

    [Fact]
    public void Static_currencies_equal_parsed_ones_and_hash_alike()
    {
        Assert.Equal(Currency.Parse("GBP"), Currency.GBP);
        Assert.Equal(Currency.Parse("GBP").GetHashCode(), Currency.GBP.GetHashCode());
        Assert.NotEqual(Currency.GBP, Currency.USD);
    }

    [Fact]
    public void Utf8_codes_parse_without_allocating_a_string()
    {
        Assert.True(Currency.TryParse("CHF"u8, out var chf));
        Assert.Equal(Currency.CHF, chf);
    }

    [Fact]
    public void Currencies_order_alphabetically()
    {
        Assert.True(Currency.AUD < Currency.EUR);
        Assert.True(Currency.USD > Currency.JPY);
    }

    [Fact]
    public void The_default_currency_is_not_a_currency()
    {
        Assert.True(default(Currency).IsDefault);
        Assert.Equal(string.Empty, default(Currency).Code);
    }
}
