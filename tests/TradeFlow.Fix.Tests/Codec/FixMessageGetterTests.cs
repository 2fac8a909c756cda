using TradeFlow.Fix.Codec;

namespace TradeFlow.Fix.Tests.Codec;

public sealed class FixMessageGetterTests
{
    private static FixMessage Parse(string fields) =>
        FixMessage.Parse(FixText.Frame("35=D|49=A|56=B|34=7|52=20260315-09:30:00|" + fields));

    [Theory]
    [InlineData("20260315-09:30:01", 0L)]
    [InlineData("20260315-09:30:01.123", 1_230_000L)]
    [InlineData("20260315-09:30:01.123456", 1_234_560L)]
    [InlineData("20260315-09:30:01.123456789", 1_234_567L)]
    public void A_UTC_timestamp_is_read_with_or_without_fractional_seconds(string text, long extraTicks)
    {
        var message = Parse($"60={text}|");

        Assert.True(message.TryGetUtcTimestamp(Tags.TransactTime, out var value));
        Assert.Equal(new DateTime(2026, 3, 15, 9, 30, 1, DateTimeKind.Utc).AddTicks(extraTicks), value);
        Assert.Equal(DateTimeKind.Utc, value.Kind);
    }

    [Theory]
    [InlineData("2026031509:30:01")]
    [InlineData("20260315-24:00:00")]
    [InlineData("20260230-09:30:00")]
    [InlineData("20260315-09:30:01.12")]
    [InlineData("20260315-09:30:60")]
    public void A_malformed_or_unrepresentable_timestamp_is_not_read(string text)
    {
        Assert.False(Parse($"60={text}|").TryGetUtcTimestamp(Tags.TransactTime, out _));
    }

    [Fact]
    public void Numbers_chars_booleans_and_dates_are_read_from_their_FIX_formats()
    {
        var message = Parse("38=5000|44=-101.250|54=1|43=Y|570=N|75=20260315|9999=12345678901|");

        Assert.True(message.TryGetInt(Tags.OrderQty, out var qty));
        Assert.Equal(5000, qty);
        Assert.True(message.TryGetDecimal(Tags.Price, out var price));
        Assert.Equal(-101.250m, price);
        Assert.Equal("-101.250", price.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(message.TryGetChar(Tags.Side, out var side));
        Assert.Equal('1', side);
        Assert.True(message.TryGetBool(Tags.PossDupFlag, out var possDup));
        Assert.True(possDup);
        Assert.True(message.TryGetBool(Tags.PreviouslyReported, out var reported));
        Assert.False(reported);
        Assert.True(message.TryGetUtcDate(Tags.TradeDate, out var date));
        Assert.Equal(new DateOnly(2026, 3, 15), date);
        Assert.True(message.TryGetLong(9999, out var big));
        Assert.Equal(12345678901L, big);
        Assert.False(message.TryGetInt(9999, out _));
    }

    [Fact]
    public void Malformed_numbers_and_flags_are_not_read()
    {
        var message = Parse("38=5e3|44=+1.5|54=12|43=y|75=2026031|");

        Assert.False(message.TryGetDecimal(Tags.OrderQty, out _));
        Assert.False(message.TryGetDecimal(Tags.Price, out _));
        Assert.False(message.TryGetChar(Tags.Side, out _));
        Assert.False(message.TryGetBool(Tags.PossDupFlag, out _));
        Assert.False(message.TryGetUtcDate(Tags.TradeDate, out _));
    }

    [Fact]
    public void An_absent_tag_reads_as_nothing()
    {
        var message = Parse("");

        Assert.False(message.Contains(Tags.Price));
        Assert.Equal(-1, message.IndexOf(Tags.Price));
        Assert.False(message.TryGetValue(Tags.Price, out _));
        Assert.False(message.TryGetDecimal(Tags.Price, out _));
        Assert.Null(message.GetString(Tags.Price));
    }

    [Fact]
    public void An_unknown_message_type_string_is_cached_until_the_type_changes()
    {
        var message = FixMessage.Parse(FixText.Frame("35=XX|49=A|56=B|34=7|52=20260315-09:30:00|"));

        var first = message.MsgTypeString;

        Assert.Equal("XX", first);
        Assert.Same(first, message.MsgTypeString);
    }

    [Fact]
    public void A_missing_or_unparsable_sequence_number_reads_as_zero()
    {
        Assert.Equal(0, FixMessage.Parse(FixText.Frame("35=0|49=A|56=B|52=20260315-09:30:00|")).MsgSeqNum);
        Assert.Equal(0, FixMessage.Parse(FixText.Frame("35=0|49=A|56=B|34=x|52=20260315-09:30:00|")).MsgSeqNum);
    }
}
