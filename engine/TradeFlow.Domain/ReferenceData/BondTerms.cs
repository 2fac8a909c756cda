using TradeFlow.Domain.DayCounts;
using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.ReferenceData;

/// <summary>
/// The coupon terms of a fixed-rate government bond. Coupon dates run back from
/// <see cref="MaturityDate"/> in steps of 12 / <see cref="CouponFrequency"/> months (end of month
/// when the maturity is a month end); the first coupon period may be short, accruing from
/// <see cref="IssueDate"/>. Accrual uses unadjusted dates, as ICMA Rule 251 and US Treasury practice do.
/// </summary>
/// <param name="CouponRate">Annual coupon as a fraction: 0.0425 for 4.25 %.</param>
/// <param name="CouponFrequency">Coupons per year: 1 (Bunds, OATs), 2 (US Treasuries, Gilts), 4 or 12.</param>
/// <param name="DayCount">The accrual convention.</param>
/// <param name="IssueDate">Interest accrues from this date (the dated date).</param>
/// <param name="MaturityDate">Redemption date; also the anchor of the coupon schedule.</param>
public sealed record BondTerms(
    decimal CouponRate,
    int CouponFrequency,
    DayCountConvention DayCount,
    BusinessDate IssueDate,
    BusinessDate MaturityDate)
{
    /// <summary>Returns null when the terms are consistent, otherwise the field and the problem.</summary>
    public string? Validate()
    {
        if (CouponRate is < 0m or > 1m)
        {
            return $"CouponRate: {CouponRate} is not a fraction between 0 and 1 (0.0425 for 4.25 %)";
        }

        if (CouponFrequency is not (1 or 2 or 4 or 12))
        {
            return $"CouponFrequency: {CouponFrequency} is not 1, 2, 4 or 12";
        }

        if (!Enum.IsDefined(DayCount))
        {
            return $"DayCount: {DayCount} is not a known convention";
        }

        return MaturityDate <= IssueDate ? $"MaturityDate: {MaturityDate} is not after IssueDate {IssueDate}" : null;
    }
}
