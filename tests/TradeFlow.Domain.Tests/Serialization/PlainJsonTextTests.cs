using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Domain.Serialization;

namespace TradeFlow.Domain.Tests.Serialization;

/// <summary>
/// The payload check's one-pass string scan answers exactly what its two-search original answered: the closing
/// quote's index when every byte before it is printable ASCII other than a backslash, else -1.
/// </summary>
public sealed class PlainJsonTextTests
{
    // The original: the first quote or backslash, then a range check of what precedes it.
    private static int Reference(ReadOnlySpan<byte> body)
    {
        var quote = body.IndexOfAny((byte)'"', (byte)'\\');
        return quote < 0 || body[quote] != '"' || body[..quote].ContainsAnyExceptInRange((byte)0x20, (byte)0x7E) ? -1 : quote;
    }

    [Fact]
    public void Any_bytes_get_the_answer_of_the_two_searches_it_replaces()
    {
        // Mostly printable bytes, with the ones that matter (quote, backslash, the range's edges, control and
        // high bytes) common enough to land before, on and after every lane boundary of the 16-byte steps.
        var special = Gen.Elements<byte>((byte)'"', (byte)'\\', 0x1F, 0x20, 0x7E, 0x7F, 0x80, 0xFF, 0x00, 0x0A);
        var plain = Gen.Choose(0x20, 0x7E).Select(b => (byte)b);
        var one = Gen.Frequency((12, plain), (1, special));
        var bytes = Gen.Choose(0, 70).SelectMany(n => Gen.ArrayOf(one, n));
        var found = 0;
        Prop.ForAll(bytes.ToArbitrary(), body =>
        {
            var expected = Reference(body);
            Assert.Equal(expected, PlainJsonText.ClosingQuote(body));
            found += expected >= 16 ? 1 : 0;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(20_000));
        Assert.True(found > 100, $"only {found} cases had a quote past the first 16 bytes");
    }

    [Theory]
    [InlineData("", -1)]
    [InlineData("\"", 0)]
    [InlineData("abc\"", 3)]
    [InlineData("abc\\\"\"", -1)]
    [InlineData("0123456789abcdef\"", 16)]
    [InlineData("0123456789abcde\"", 15)]
    [InlineData("0123456789abcdef0123456789abcdef", -1)]
    [InlineData("T000000000001\",\"effectiveTime\":\"2025", 13)]
    public void Text_ends_at_its_first_quote_unless_an_escape_or_other_byte_comes_first(string body, int expected)
    {
        Assert.Equal(expected, PlainJsonText.ClosingQuote(System.Text.Encoding.Latin1.GetBytes(body)));
    }

    [Fact]
    public void A_byte_outside_printable_ascii_before_the_quote_is_refused_and_after_it_is_not_looked_at()
    {
        foreach (var bad in new byte[] { 0x00, 0x1F, 0x7F, 0x80, 0xC3, 0xFF, (byte)'\\' })
        {
            for (var at = 0; at < 40; at++)
            {
                var body = Enumerable.Repeat((byte)'a', 40).ToArray();
                body[at] = bad;
                body[20] = (byte)'"';
                Assert.Equal(at < 20 ? -1 : 20, PlainJsonText.ClosingQuote(body));
                Assert.Equal(Reference(body), PlainJsonText.ClosingQuote(body));
            }
        }
    }
}
