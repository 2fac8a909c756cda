using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Tests.Properties;

// Dates and LEIs are formatted by hand on the journal's hot path; their text is part of every stored event,
// so it must stay exactly what the library formatting and the parser agree on.
public class FormattingPropertyTests
{
    private static readonly char[] Alphanumerics = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".ToCharArray();

    [Fact]
    public void A_business_date_is_written_as_the_ISO_date_for_every_day_of_the_calendar()
    {
        var days = Gen.OneOf(
            Gen.Choose(DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber),
            Gen.Elements(DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber, new DateOnly(2025, 3, 14).DayNumber));

        Prop.ForAll(days.ToArbitrary(), day =>
        {
            var date = BusinessDate.FromDayNumber(day);
            var expected = DateOnly.FromDayNumber(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return date.ToString() == expected && Format(date) == expected && BusinessDate.Parse(expected) == date;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_business_date_is_not_written_into_a_too_short_buffer()
    {
        Assert.False(new BusinessDate(2025, 3, 14).TryFormat(new char[9], out var written));
        Assert.Equal(0, written);
    }

    [Fact]
    public void A_counterparty_id_is_written_back_as_the_LEI_it_was_parsed_from()
    {
        var leis =
            from prefix in Gen.ArrayOf(Gen.Elements(Alphanumerics), 18)
            select new string(prefix) + CounterpartyId.ComputeCheckDigits(new string(prefix));

        Prop.ForAll(leis.ToArbitrary(), lei =>
        {
            var id = CounterpartyId.Parse(lei);
            Span<char> buffer = stackalloc char[CounterpartyId.Length];
            return id.TryFormat(buffer, out var written) && buffer[..written].SequenceEqual(lei) && id.ToString() == lei;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void The_extreme_LEIs_are_written_back_unchanged()
    {
        foreach (var prefix in new[] { "000000000000000000", "ZZZZZZZZZZZZZZZZZZ", "00000000ZZZZZZZZZZ", "ZZZZZZZZ0000000000" })
        {
            var lei = prefix + CounterpartyId.ComputeCheckDigits(prefix);
            Assert.Equal(lei, CounterpartyId.Parse(lei).ToString());
        }
    }

    private static string Format(BusinessDate date)
    {
        Span<char> buffer = stackalloc char[16];
        return date.TryFormat(buffer, out var written) ? new string(buffer[..written]) : "<failed>";
    }
}
