using System.Text;
using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Domain.Serialization;
using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Tests.Serialization;

/// <summary>The payload check's trade id read from bytes gives <see cref="TradeId.TryParse(ReadOnlySpan{char}, out TradeId)"/>'s verdict.</summary>
public sealed class TradeIdTextTests
{
    [Fact]
    public void Any_ascii_text_is_accepted_exactly_when_the_trade_id_parser_accepts_it()
    {
        // Near misses of the layout: 'T' or not, 11 to 14 characters, digits with now and then a neighbour of '0'
        // or '9', a letter, or all zeros.
        var digit = Gen.Frequency((20, Gen.Choose('0', '9').Select(c => (char)c)), (1, Gen.Elements('/', ':', 'A', ' ', '\u007e')));
        var text =
            from first in Gen.Frequency((8, Gen.Constant('T')), (1, Gen.Elements('t', 'U', '0')))
            from length in Gen.Frequency((8, Gen.Constant(12)), (1, Gen.Choose(10, 13)))
            from zeros in Gen.Frequency((6, Gen.Constant(false)), (1, Gen.Constant(true)))
            from digits in Gen.ArrayOf(digit, length)
            select first + (zeros ? new string('0', length) : new string(digits));
        var accepted = 0;
        Prop.ForAll(text.ToArbitrary(), t =>
        {
            var parser = TradeId.TryParse(t, out _);
            Assert.Equal(parser, TradeIdText.IsValid(Encoding.ASCII.GetBytes(t)));
            accepted += parser ? 1 : 0;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(20_000));
        Assert.True(accepted > 1_000, $"only {accepted} accepted ids were generated");
    }

    [Theory]
    [InlineData("T000000000001", true)]
    [InlineData("T999999999999", true)]
    [InlineData("T000000000000", false)]
    [InlineData("T00000000001", false)]
    [InlineData("T0000000000001", false)]
    [InlineData("t000000000001", false)]
    [InlineData("T00000000000/", false)]
    [InlineData("T00000000000:", false)]
    public void The_writers_layout_and_its_near_misses(string text, bool valid)
    {
        Assert.Equal(valid, TradeIdText.IsValid(Encoding.ASCII.GetBytes(text)));
        Assert.Equal(valid, TradeId.TryParse(text, out _));
    }
}
