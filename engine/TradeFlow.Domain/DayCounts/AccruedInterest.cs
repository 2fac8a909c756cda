using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.DayCounts;

/// <summary>
/// Accrued interest and dirty prices of fixed-rate bonds. Bond prices are quoted clean, in percent
/// of face; the buyer pays the dirty price = clean + accrued, because the seller owned the bond for
/// part of the coupon period that the buyer will be paid for in full.
/// </summary>
public static class AccruedInterest
{
    /// <summary>
    /// Accrued interest in percent of face on <paramref name="settlementDate"/>, unrounded:
    /// 100 × coupon rate × year fraction from the last coupon date (or the issue date in the first period).
    /// The first coupon is the first schedule date after issue, so a first period is regular or short
    /// (ACT/ACT ICMA then uses the notional period as reference); long first coupons and ex-coupon
    /// periods (UK Gilts) are not modelled.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Settlement before issue or on/after maturity.</exception>
    public static decimal Per100(BondTerms terms, BusinessDate settlementDate)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (settlementDate < terms.IssueDate || settlementDate >= terms.MaturityDate)
        {
            throw new ArgumentOutOfRangeException(nameof(settlementDate), settlementDate,
                $"Settlement {settlementDate} is outside the bond's life {terms.IssueDate}..{terms.MaturityDate}.");
        }

        var period = PeriodContaining(terms, settlementDate);
        var accrualStart = period.Start > terms.IssueDate ? period.Start : terms.IssueDate;
        var fraction = DayCount.YearFraction(terms.DayCount, accrualStart, settlementDate, period);
        return 100m * terms.CouponRate * fraction;
    }

    /// <summary>Accrued interest on a face amount, unrounded (call <see cref="Money.Round()"/> to settle it).</summary>
    public static Money On(BondTerms terms, Quantity faceAmount, Currency currency, BusinessDate settlementDate) =>
        new(faceAmount.Value * Per100(terms, settlementDate) / 100m, currency);

    /// <summary>Dirty price in percent of face: clean price plus accrued interest.</summary>
    public static decimal DirtyPrice(Price cleanPrice, BondTerms terms, BusinessDate settlementDate) =>
        cleanPrice.Value + Per100(terms, settlementDate);

    /// <summary>
    /// The regular coupon period (from the schedule running back from maturity) that contains
    /// <paramref name="date"/>: Start &lt;= date &lt; End.
    /// </summary>
    public static CouponPeriod PeriodContaining(BondTerms terms, BusinessDate date)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var end = terms.MaturityDate;
        for (var k = 1; ; k++)
        {
            var start = CouponDate(terms, k);
            if (start <= date)
            {
                return new CouponPeriod(start, end, terms.CouponFrequency);
            }

            end = start;
        }
    }

    /// <summary>The k-th coupon date counting back from maturity (k = 0 is the maturity itself).</summary>
    public static BusinessDate CouponDate(BondTerms terms, int periodsBeforeMaturity)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var months = 12 / terms.CouponFrequency * periodsBeforeMaturity;
        var date = terms.MaturityDate.AddMonths(-months);

        // End-of-month rule: a bond maturing on 30 April pays on 31 October, not 30 October.
        return terms.MaturityDate.IsEndOfMonth ? new BusinessDate(date.Year, date.Month, date.DaysInMonth) : date;
    }
}
