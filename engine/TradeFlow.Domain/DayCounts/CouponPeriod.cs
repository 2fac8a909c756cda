using TradeFlow.Domain.Internal;
using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.DayCounts;

/// <summary>
/// A regular (or notional) coupon period, unadjusted dates, with the number of coupons per year.
/// ACT/ACT ICMA needs it as the reference period; the other conventions ignore it.
/// </summary>
public readonly record struct CouponPeriod
{
    /// <summary>Creates a period.</summary>
    /// <exception cref="ArgumentException">The end is not after the start, or the frequency is not 1, 2, 4 or 12.</exception>
    public CouponPeriod(BusinessDate start, BusinessDate end, int frequency)
    {
        Preconditions.CheckArgument(end > start, nameof(end), $"A coupon period must end after it starts ({start} .. {end}).");
        Preconditions.CheckArgument(frequency is 1 or 2 or 4 or 12, nameof(frequency), "Coupon frequency is 1, 2, 4 or 12 per year.");
        Start = start;
        End = end;
        Frequency = frequency;
    }

    /// <summary>First day of the period (the previous coupon date).</summary>
    public BusinessDate Start { get; }

    /// <summary>Last day of the period (the next coupon date).</summary>
    public BusinessDate End { get; }

    /// <summary>Coupons per year.</summary>
    public int Frequency { get; }

    /// <summary>Actual days in the period.</summary>
    public int Days => End - Start;

    /// <summary>True when <paramref name="date"/> is within [Start, End].</summary>
    public bool Contains(BusinessDate date) => date >= Start && date <= End;
}
