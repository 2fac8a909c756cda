using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Tests.Values;

// Dates in canonical shape are parsed by hand (a journal read parses two or three per event); the answer must be the
// framework's exact-format parser's, valid or not.
public class BusinessDateParsingTests
{
    [Fact]
    public void Any_canonically_shaped_text_parses_exactly_as_the_framework_parses_it()
    {
        var digit = Gen.Elements("0123456789".ToCharArray());
        var shaped = Gen.ArrayOf(digit, 8).Select(d => $"{d[0]}{d[1]}{d[2]}{d[3]}-{d[4]}{d[5]}-{d[6]}{d[7]}");
        var plausible = Gen.Choose(0, 10_000).SelectMany(y => Gen.Choose(0, 13).SelectMany(m => Gen.Choose(0, 32)
            .Select(d => $"{y:D4}-{m:D2}-{d:D2}"))).Where(t => t.Length == 10);
        Prop.ForAll(Gen.OneOf(shaped, plausible).ToArbitrary(), text =>
        {
            var expected = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed);
            var actual = BusinessDate.TryParse(text, out var date);
            Assert.Equal(expected, actual);
            Assert.Equal(expected ? BusinessDate.FromDateOnly(parsed) : default, date);
            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(2_000));
    }

    [Theory]
    [InlineData("0001-01-01", true)]
    [InlineData("9999-12-31", true)]
    [InlineData("2024-02-29", true)]
    [InlineData("2025-02-29", false)]
    [InlineData("0000-01-01", false)]
    [InlineData("2025-13-01", false)]
    [InlineData("2025-00-10", false)]
    [InlineData(" 2025-03-14", false)]
    [InlineData("2025-3-14", false)]
    [InlineData("2025/03/14", false)]
    [InlineData("２０２５-03-14", false)]
    public void Edge_dates_and_near_misses_answer_as_the_framework_does(string text, bool valid)
    {
        Assert.Equal(valid, BusinessDate.TryParse(text, out _));
        Assert.Equal(DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _), valid);
    }
}
