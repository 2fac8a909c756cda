using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.DayCounts;

/// <summary>Year fractions under each <see cref="DayCountConvention"/>. Pure decimal arithmetic.</summary>
public static class DayCount
{
    /// <summary>
    /// The year fraction from <paramref name="start"/> to <paramref name="end"/>. ACT/ACT ICMA needs
    /// <paramref name="referencePeriod"/>, the (regular or notional) coupon period that contains both
    /// dates; accrual across several periods is the sum of per-period fractions and is not needed for
    /// accrued interest, which never spans a coupon date.
    /// </summary>
    /// <exception cref="ArgumentException">End before start; or ICMA without a period that contains both dates.</exception>
    public static decimal YearFraction(DayCountConvention convention, BusinessDate start, BusinessDate end,
        CouponPeriod? referencePeriod = null)
    {
        if (end < start)
        {
            throw new ArgumentException($"Accrual end {end} is before its start {start}.", nameof(end));
        }

        return convention switch
        {
            DayCountConvention.Actual360 => (end - start) / 360m,
            DayCountConvention.Actual365Fixed => (end - start) / 365m,
            DayCountConvention.Thirty360BondBasis => Days30360BondBasis(start, end) / 360m,
            DayCountConvention.ActualActualIcma => IcmaFraction(start, end, referencePeriod),
            _ => throw new ArgumentOutOfRangeException(nameof(convention), convention, "Unknown day-count convention."),
        };
    }

    /// <summary>
    /// Day count under 30/360 Bond Basis, ISDA 2006 section 4.16(f):
    /// 360 × (Y2 − Y1) + 30 × (M2 − M1) + (D2 − D1), where D1 = 31 becomes 30, and D2 = 31 becomes 30
    /// only when D1 (after that change) is 30 or 31.
    /// </summary>
    public static int Days30360BondBasis(BusinessDate start, BusinessDate end)
    {
        var d1 = start.Day == 31 ? 30 : start.Day;
        var d2 = end.Day == 31 && d1 >= 30 ? 30 : end.Day;
        return (360 * (end.Year - start.Year)) + (30 * (end.Month - start.Month)) + (d2 - d1);
    }

    private static decimal IcmaFraction(BusinessDate start, BusinessDate end, CouponPeriod? referencePeriod)
    {
        if (referencePeriod is not { } period)
        {
            throw new ArgumentException("ACT/ACT ICMA needs the reference coupon period.", nameof(referencePeriod));
        }

        if (!period.Contains(start) || !period.Contains(end))
        {
            throw new ArgumentException(
                $"ACT/ACT ICMA accrual {start}..{end} must lie within its reference period {period.Start}..{period.End}.",
                nameof(referencePeriod));
        }

        return (end - start) / (decimal)(period.Frequency * period.Days);
    }
}
