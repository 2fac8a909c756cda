using TradeFlow.Domain.Calendars;
using TradeFlow.Domain.Values;

namespace TradeFlow.Testing.Builders;

/// <summary>
/// Holiday calendars for 2025-2026, from the publishers' lists: TARGET2 closing days (ECB),
/// Federal Reserve System holidays (USD), and England and Wales bank holidays (GOV.UK) for GBP.
/// </summary>
public static class DemoCalendars
{
    /// <summary>TARGET (EUR): New Year, Good Friday, Easter Monday, 1 May, 25 and 26 December.</summary>
    public static HolidayCalendar Target { get; } = new("TARGET", Dates(
        "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-01", "2025-12-25", "2025-12-26",
        "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-12-25", "2026-12-26"));

    /// <summary>Federal Reserve holidays (USD), observed dates.</summary>
    public static HolidayCalendar Usd { get; } = new("USD", Dates(
        "2025-01-01", "2025-01-20", "2025-02-17", "2025-05-26", "2025-06-19", "2025-07-04", "2025-09-01",
        "2025-10-13", "2025-11-11", "2025-11-27", "2025-12-25",
        "2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19", "2026-07-03", "2026-09-07",
        "2026-10-12", "2026-11-11", "2026-11-26", "2026-12-25"));

    /// <summary>England and Wales bank holidays (GBP), substitute days included.</summary>
    public static HolidayCalendar Gbp { get; } = new("GBP", Dates(
        "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26",
        "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"));

    private static BusinessDate[] Dates(params string[] isoDates) => [.. isoDates.Select(BusinessDate.Parse)];
}
