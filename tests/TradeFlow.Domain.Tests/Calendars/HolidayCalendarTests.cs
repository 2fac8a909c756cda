using TradeFlow.Domain.Calendars;
using TradeFlow.Domain.Values;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Domain.Tests.Calendars;

// Holidays: ECB TARGET2 closing days, Federal Reserve holidays, GOV.UK bank holidays (see DemoCalendars).
public class HolidayCalendarTests
{
    private static BusinessDate D(string iso) => BusinessDate.Parse(iso);

    [Fact]
    public void Weekends_and_holidays_are_not_business_days()
    {
        var target = DemoCalendars.Target;

        Assert.True(target.IsBusinessDay(D("2025-04-17")));
        Assert.False(target.IsBusinessDay(D("2025-04-18"))); // Good Friday
        Assert.False(target.IsBusinessDay(D("2025-04-19"))); // Saturday
        Assert.False(target.IsBusinessDay(D("2025-04-21"))); // Easter Monday
    }

    [Fact]
    public void Adding_business_days_skips_weekends_and_holidays()
    {
        Assert.Equal(D("2025-04-22"), DemoCalendars.Target.AddBusinessDays(D("2025-04-17"), 1));
        Assert.Equal(D("2025-04-17"), DemoCalendars.Target.AddBusinessDays(D("2025-04-22"), -1));
        Assert.Equal(D("2025-03-18"), DemoCalendars.Target.AddBusinessDays(D("2025-03-14"), 2));
        Assert.Equal(2, DemoCalendars.Target.BusinessDaysBetween(D("2025-03-14"), D("2025-03-18")));
    }

    [Theory]
    [InlineData("2025-05-31", BusinessDayConvention.Following, "2025-06-02")]
    [InlineData("2025-05-31", BusinessDayConvention.ModifiedFollowing, "2025-05-30")] // next business day is in June
    [InlineData("2025-06-01", BusinessDayConvention.Preceding, "2025-05-30")]
    [InlineData("2025-03-01", BusinessDayConvention.ModifiedPreceding, "2025-03-03")] // previous is in February
    [InlineData("2025-03-01", BusinessDayConvention.Unadjusted, "2025-03-01")]
    [InlineData("2025-03-03", BusinessDayConvention.Following, "2025-03-03")] // already a business day
    [InlineData("2025-04-18", BusinessDayConvention.ModifiedFollowing, "2025-04-22")]
    public void Dates_roll_by_the_business_day_convention(string date, BusinessDayConvention convention, string expected)
    {
        Assert.Equal(D(expected), DemoCalendars.Target.Adjust(D(date), convention));
    }

    [Fact]
    public void A_joint_calendar_closes_on_either_currency_holiday()
    {
        var joint = DemoCalendars.Gbp.Join(DemoCalendars.Usd);

        Assert.Equal("GBP+USD", joint.Name);
        Assert.False(joint.IsBusinessDay(D("2025-05-05"))); // UK early May bank holiday
        Assert.False(joint.IsBusinessDay(D("2025-07-04"))); // US Independence Day
        Assert.True(joint.IsBusinessDay(D("2025-05-06")));
    }

    [Fact]
    public void An_fx_pair_settles_on_a_day_open_in_both_currencies()
    {
        // GBP/USD traded Thursday 2025-05-01, T+2: Friday 2 May counts, Monday 5 May is a UK holiday → Tuesday 6 May.
        var joint = DemoCalendars.Gbp.Join(DemoCalendars.Usd);

        Assert.Equal(D("2025-05-06"), SettlementDates.SettlementDate(D("2025-05-01"), 2, joint));
    }

    [Fact]
    public void A_t_plus_one_equity_trade_skips_a_us_holiday_and_the_weekend()
    {
        Assert.Equal(D("2025-07-07"), SettlementDates.SettlementDate(D("2025-07-03"), 1, DemoCalendars.Usd));
    }

    [Fact]
    public void Same_day_settlement_on_a_holiday_rolls_to_the_next_business_day()
    {
        Assert.Equal(D("2025-12-29"), SettlementDates.SettlementDate(D("2025-12-25"), 0, DemoCalendars.Target));
    }

    [Fact]
    public void A_calendar_may_define_a_friday_saturday_weekend()
    {
        var calendar = new HolidayCalendar("FRI-SAT", [], [DayOfWeek.Friday, DayOfWeek.Saturday]);

        Assert.False(calendar.IsBusinessDay(D("2025-03-14")));
        Assert.True(calendar.IsBusinessDay(D("2025-03-16")));
    }

    [Fact]
    public void A_calendar_without_working_days_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new HolidayCalendar("NONE", [], Enum.GetValues<DayOfWeek>()));
    }
}
