namespace TradeFlow.Domain.Calendars;

/// <summary>How a date that falls on a non-business day is moved (ISDA 2006 Definitions, section 4.12).</summary>
public enum BusinessDayConvention
{
    /// <summary>The date is not moved.</summary>
    Unadjusted = 0,

    /// <summary>The next business day.</summary>
    Following = 1,

    /// <summary>The next business day, unless that is in the next month; then the previous business day.</summary>
    ModifiedFollowing = 2,

    /// <summary>The previous business day.</summary>
    Preceding = 3,

    /// <summary>The previous business day, unless that is in the previous month; then the next business day.</summary>
    ModifiedPreceding = 4,
}
