using TradeFlow.Fix.Session;

namespace TradeFlow.Fix.Tests.Session;

public sealed class SessionScheduleTests
{
    private static DateTime Utc(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void A_daily_session_is_open_between_start_and_end_and_each_day_is_a_new_period()
    {
        var schedule = SessionSchedule.Daily(new TimeOnly(7, 0), new TimeOnly(19, 0), TimeZoneInfo.Utc);

        Assert.True(schedule.IsInSession(Utc(17, 7)));
        Assert.False(schedule.IsInSession(Utc(17, 19, 1)));
        Assert.True(schedule.IsInSameSession(Utc(17, 8), Utc(17, 18)));
        Assert.False(schedule.IsInSameSession(Utc(17, 8), Utc(18, 8)));
    }

    [Fact]
    public void A_session_starting_after_its_end_time_wraps_over_midnight()
    {
        var schedule = SessionSchedule.Daily(new TimeOnly(22, 0), new TimeOnly(6, 0), TimeZoneInfo.Utc);

        Assert.True(schedule.IsInSession(Utc(17, 23)));
        Assert.True(schedule.IsInSession(Utc(18, 5)));
        Assert.False(schedule.IsInSession(Utc(18, 12)));
        Assert.True(schedule.IsInSameSession(Utc(17, 23), Utc(18, 5)));
    }

    [Fact]
    public void A_weekly_session_runs_from_its_start_day_to_its_end_day()
    {
        // Sunday 22:00 to Friday 22:00; 2026-03-15 is a Sunday.
        var schedule = SessionSchedule.Weekly(DayOfWeek.Sunday, new TimeOnly(22, 0), DayOfWeek.Friday, new TimeOnly(22, 0), TimeZoneInfo.Utc);

        Assert.False(schedule.IsInSession(Utc(15, 21)));
        Assert.True(schedule.IsInSession(Utc(15, 23)));
        Assert.True(schedule.IsInSameSession(Utc(16, 9), Utc(20, 21)));
        Assert.False(schedule.IsInSession(Utc(21, 12)));
        Assert.False(schedule.IsInSameSession(Utc(16, 9), Utc(23, 9)));
    }

    [Fact]
    public void A_non_stop_session_is_always_open_and_never_starts_a_new_period()
    {
        Assert.True(SessionSchedule.NonStop.IsInSession(Utc(21, 3)));
        Assert.True(SessionSchedule.NonStop.IsInSameSession(Utc(1, 3), Utc(31, 3)));
    }
}
