using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Tests.Values;

public class CounterpartyIdTests
{
    // Published LEIs (GLEIF): their ISO 7064 MOD 97-10 check digits validate.
    [Theory]
    [InlineData("7LTWFZYICNSX8D621K86")] // Deutsche Bank AG
    [InlineData("784F5XWPLTWKTBV3E584")] // The Goldman Sachs Group, Inc.
    [InlineData("8I5DZWZKVSZI1NUHU748")] // JPMorgan Chase & Co.
    [InlineData("G5GSEF7VJP5I7OUK5573")] // Barclays Bank PLC
    [InlineData("R0MUWSFPU8MPRO8K5P83")] // BNP Paribas
    [InlineData("HWUPKR0MPOU8FGXBT394")] // Apple Inc.
    public void Real_leis_are_accepted_and_round_trip(string lei)
    {
        var id = CounterpartyId.Parse(lei);

        Assert.Equal(lei, id.ToString());
        Assert.True(CounterpartyId.TryParse(System.Text.Encoding.ASCII.GetBytes(lei), out var fromUtf8));
        Assert.Equal(id, fromUtf8);
    }

    [Theory]
    [InlineData("7LTWFZYICNSX8D621K87", "check digits")] // last digit changed
    [InlineData("7LTWFZYICNSX8D612K86", "check digits")] // two characters swapped
    [InlineData("7LTWFZYICNSX8D621K8", "exactly 20")]
    [InlineData("7ltwfzyicnsx8d621k86", "only 0-9 and A-Z")]
    [InlineData("7LTWFZYICNSX8D621KA6", "check digits")]
    public void Invalid_leis_are_rejected_saying_why(string lei, string why)
    {
        var ex = Assert.Throws<FormatException>(() => CounterpartyId.Parse(lei));

        Assert.Contains(why, ex.Message, StringComparison.Ordinal);
        Assert.False(CounterpartyId.TryParse(lei, out _));
    }

    [Fact]
    public void Check_digits_are_computed_from_the_eighteen_character_prefix()
    {
        Assert.Equal("86", CounterpartyId.ComputeCheckDigits("7LTWFZYICNSX8D621K"));
        Assert.Equal("84", CounterpartyId.ComputeCheckDigits("784F5XWPLTWKTBV3E5"));
    }

    [Fact]
    public void Leis_order_like_their_text()
    {
        var a = CounterpartyId.Parse("784F5XWPLTWKTBV3E584");
        var b = CounterpartyId.Parse("7LTWFZYICNSX8D621K86");

        Assert.Equal(Math.Sign(string.CompareOrdinal(a.ToString(), b.ToString())), Math.Sign(a.CompareTo(b)));
    }
}
