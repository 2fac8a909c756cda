using System.Globalization;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Domain.Serialization;

namespace TradeFlow.Domain.Tests.Serialization;

/// <summary>
/// The payload check's direct reading of the writer's time layout accepts only what System.Text.Json's ISO 8601
/// parser (the converter's verdict) accepts, and, for every field in its range, exactly that.
/// </summary>
public sealed class CanonicalTimeTextTests
{
    private static bool ParserAccepts(string text)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes($"\"{text}\""));
        return reader.Read() && reader.TryGetDateTimeOffset(out _);
    }

    private static string Layout(int year, int month, int day, int hour, int minute, int second, char sign, int offsetHours, int offsetMinutes) =>
        string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{day:D2}T{hour:D2}:{minute:D2}:{second:D2}{sign}{offsetHours:D2}:{offsetMinutes:D2}");

    [Fact]
    public void Any_text_in_the_layout_is_accepted_only_when_the_parser_accepts_it_and_in_range_exactly_then()
    {
        var fields = Gen.Choose(0, 9999).SelectMany(year => Gen.Choose(0, 13).SelectMany(month => Gen.Choose(0, 32).SelectMany(day =>
            Gen.Choose(0, 25).SelectMany(hour => Gen.Choose(0, 61).SelectMany(minute => Gen.Choose(0, 61).SelectMany(second =>
                Gen.Elements('+', '-').SelectMany(sign => Gen.Choose(0, 15).SelectMany(oh => Gen.Choose(0, 61).Select(om =>
                    (year, month, day, hour, minute, second, sign, oh, om))))))))));
        var noise = Gen.Frequency((4, Gen.Constant(-1)), (1, Gen.Choose(0, CanonicalTimeText.Length - 1)));
        var accepted = 0;
        var property = Prop.ForAll(Arb.From(fields.SelectMany(f => noise.SelectMany(at => Gen.Elements('0', '9', 'T', 't', ' ', ':', '-', 'Z').Select(c => (f, at, c))))), input =>
        {
            var ((year, month, day, hour, minute, second, sign, oh, om), at, c) = input;
            var text = Layout(year, month, day, hour, minute, second, sign, oh, om);
            if (at >= 0)
            {
                text = string.Concat(text.AsSpan(0, at), c.ToString(), text.AsSpan(at + 1));
            }

            var mine = CanonicalTimeText.IsValid(Encoding.ASCII.GetBytes(text));
            var parser = ParserAccepts(text);
            Assert.True(!mine || parser, $"accepted {text}, which the parser refuses");
            var inRange = year is >= 2 and <= 9998 && oh * 60 + om <= 14 * 60 && om < 60;
            if (at < 0 && inRange)
            {
                Assert.True(mine == parser, $"{text}: direct {mine}, parser {parser}");
            }

            accepted += mine ? 1 : 0;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(20_000), property);
        Assert.True(accepted > 100, $"only {accepted} accepted texts were generated");
    }

    [Theory]
    [InlineData("2025-03-14T09:00:01+00:00", true)]
    [InlineData("2024-02-29T23:59:59-05:30", true)]
    [InlineData("2025-02-29T00:00:00+00:00", false)]
    [InlineData("2025-03-14T09:00:01+14:00", true)]
    [InlineData("2025-03-14T09:00:01-14:00", true)]
    [InlineData("2025-03-14T09:00:01+14:01", false)]
    [InlineData("2025-03-14T24:00:00+00:00", false)]
    [InlineData("2025-03-14T23:59:60+00:00", false)]
    [InlineData("2025-03-14t09:00:01+00:00", false)]
    [InlineData("2025-03-14T09:00:01Z", false)]
    [InlineData("2025-03-14T09:00:01.5+00:00", false)]
    [InlineData("0001-01-01T00:00:00+01:00", false)]
    public void The_writer_layout_is_read_directly_and_nothing_else(string text, bool direct)
    {
        Assert.Equal(direct, CanonicalTimeText.IsValid(Encoding.ASCII.GetBytes(text)));
        Assert.True(!direct || ParserAccepts(text));
    }
}
