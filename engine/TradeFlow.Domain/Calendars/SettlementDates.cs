using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Calendars;

/// <summary>Settlement (value) dates from trade dates.</summary>
public static class SettlementDates
{
    /// <summary>
    /// T + <paramref name="cycleBusinessDays"/> business days of <paramref name="calendar"/>
    /// (T+2 for EU cash equities and FX spot, T+1 for US equities since May 2024, T+0..n for bonds).
    /// A trade date that is itself a holiday still counts the cycle from that date.
    /// For an FX pair pass the joint calendar of both currencies: this is a simplification of the
    /// market's spot rule (which ignores a USD holiday on T+1 for non-USD/USD pairs) that never
    /// yields a value date on which either currency cannot settle.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The cycle is negative.</exception>
    public static BusinessDate SettlementDate(BusinessDate tradeDate, int cycleBusinessDays, HolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(cycleBusinessDays);
        return cycleBusinessDays == 0
            ? calendar.Adjust(tradeDate, BusinessDayConvention.Following)
            : calendar.AddBusinessDays(tradeDate, cycleBusinessDays);
    }
}
