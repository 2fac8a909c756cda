using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Tests.Values;

public class InstrumentIdTests
{
    // ISO 6166 examples: Apple, BAE Systems and the Treasury Corporation of Victoria are the
    // examples the ISIN literature (and Wikipedia's ISIN article) works through; SAP and Nestlé are real ISINs.
    [Theory]
    [InlineData("US0378331005")]
    [InlineData("GB0002634946")]
    [InlineData("AU0000XVGZA3")]
    [InlineData("DE0007164600")]
    [InlineData("CH0038863350")]
    public void Real_isins_are_accepted(string isin)
    {
        var id = InstrumentId.Parse(isin);

        Assert.True(id.IsIsin);
        Assert.False(id.IsFxPair);
        Assert.Equal(isin, id.ToString());
    }

    [Theory]
    [InlineData("US0378331006", "check digit")]
    [InlineData("US037833100", "exactly 12")]
    [InlineData("120378331005", "country code")]
    [InlineData("US037833100X", "check digit")]
    public void Invalid_isins_are_rejected_saying_why(string isin, string why)
    {
        var ex = Assert.Throws<FormatException>(() => InstrumentId.Parse(isin));

        Assert.Contains(why, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_isin_check_digit_is_computed_from_the_eleven_character_prefix()
    {
        Assert.Equal('5', InstrumentId.ComputeIsinCheckDigit("US037833100"));
        Assert.Equal('3', InstrumentId.ComputeIsinCheckDigit("AU0000XVGZA"));
    }

    [Fact]
    public void An_fx_pair_exposes_base_and_quote()
    {
        var pair = InstrumentId.Parse("EUR/USD");

        Assert.True(pair.IsFxPair);
        Assert.Equal((Currency.EUR, Currency.USD), (pair.Base, pair.Quote));
        Assert.Equal("EUR/USD", pair.ToString());
        Assert.Equal(pair, InstrumentId.FxPair(Currency.EUR, Currency.USD));
        Assert.NotEqual(pair, InstrumentId.FxPair(Currency.USD, Currency.EUR));
    }

    [Theory]
    [InlineData("EUR/EUR")]
    [InlineData("EUR/XYZ")]
    [InlineData("EURUSD")]
    public void Invalid_pairs_are_rejected(string text)
    {
        Assert.False(InstrumentId.TryParse(text, out _));
    }

    [Fact]
    public void An_isin_has_no_base_currency()
    {
        Assert.Throws<InvalidOperationException>(() => InstrumentId.Parse("US0378331005").Base);
    }
}
