using TradeFlow.Domain.DayCounts;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Tests.DayCounts;

public class AccruedInterestTests
{
    private static readonly BondTerms Ust = new(0.0425m, 2, DayCountConvention.ActualActualIcma,
        new BusinessDate(2024, 11, 15), new BusinessDate(2034, 11, 15));

    private static readonly BondTerms Bund = new(0.026m, 1, DayCountConvention.ActualActualIcma,
        new BusinessDate(2024, 6, 14), new BusinessDate(2034, 8, 15));

    private static BusinessDate D(string iso) => BusinessDate.Parse(iso);

    // US Treasury accrued interest, 31 CFR Part 356 Appendix B (coupon / 2 × days accrued / days in
    // the half-year), worked by hand: 4.25 % note, coupons 15 May / 15 Nov, settlement 2025-03-20.
    // Period 2024-11-15 → 2025-05-15 = 181 days; accrued 2024-11-15 → 2025-03-20 = 125 days;
    // 2.125 × 125 / 181 = 1.4675414 per 100; on 1,000,000 face: 14,675.41 USD.
    [Fact]
    public void A_treasury_note_accrues_half_the_coupon_over_the_actual_half_year()
    {
        Assert.Equal(1.4675414m, decimal.Round(AccruedInterest.Per100(Ust, D("2025-03-20")), 7));
        Assert.Equal(new Money(14_675.41m, Currency.USD),
            AccruedInterest.On(Ust, Quantity.Of(1_000_000m), Currency.USD, D("2025-03-20")).Round());
    }

    // ICMA Rule 251 (ACT/ACT, annual): 2.6 % Bund, coupon 15 Aug; settlement 2025-03-20 lies in
    // 2024-08-15 → 2025-08-15 (365 days) with 217 days accrued: 2.6 × 217 / 365 = 1.5457534 per 100.
    [Fact]
    public void An_annual_bund_accrues_over_the_actual_year()
    {
        Assert.Equal(1.5457534m, decimal.Round(AccruedInterest.Per100(Bund, D("2025-03-20")), 7));
    }

    // Short first coupon: issued 2024-06-14, first coupon 2024-08-15; the notional period
    // 2023-08-15 → 2024-08-15 has 366 days; settlement 2024-07-01 accrues 17 days: 2.6 × 17 / 366 = 0.1207650.
    [Fact]
    public void A_short_first_period_accrues_from_issue_over_the_notional_period()
    {
        Assert.Equal(0.1207650m, decimal.Round(AccruedInterest.Per100(Bund, D("2024-07-01")), 7));
    }

    [Fact]
    public void Nothing_accrues_on_a_coupon_date()
    {
        Assert.Equal(0m, AccruedInterest.Per100(Ust, D("2025-05-15")));
    }

    [Fact]
    public void The_dirty_price_is_the_clean_price_plus_accrued()
    {
        Assert.Equal(98.5m + AccruedInterest.Per100(Ust, D("2025-03-20")),
            AccruedInterest.DirtyPrice(Price.Of(98.5m), Ust, D("2025-03-20")));
    }

    [Fact]
    public void A_month_end_maturity_keeps_coupons_on_month_ends()
    {
        var terms = new BondTerms(0.05m, 2, DayCountConvention.Thirty360BondBasis, D("2020-04-30"), D("2030-04-30"));

        Assert.Equal(D("2029-10-31"), AccruedInterest.CouponDate(terms, 1));
        Assert.Equal(D("2029-04-30"), AccruedInterest.CouponDate(terms, 2));
    }

    [Fact]
    public void Thirty_360_bonds_accrue_thirty_day_months()
    {
        // 5 % semi-annual, last coupon 2029-10-31, settlement 2029-12-15: 30/360 days = 45 → 5 × 45/360 = 0.625.
        var terms = new BondTerms(0.05m, 2, DayCountConvention.Thirty360BondBasis, D("2020-04-30"), D("2030-04-30"));

        Assert.Equal(0.625m, AccruedInterest.Per100(terms, D("2029-12-15")));
    }

    [Fact]
    public void Settlement_outside_the_bond_life_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AccruedInterest.Per100(Ust, D("2034-11-15")));
        Assert.Throws<ArgumentOutOfRangeException>(() => AccruedInterest.Per100(Ust, D("2024-11-14")));
    }
}
