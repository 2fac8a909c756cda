using TradeFlow.Domain.DayCounts;
using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Tests.DayCounts;

public class DayCountTests
{
    private static BusinessDate D(string iso) => BusinessDate.Parse(iso);

    // ISDA, "EMU and market conventions: recent developments" (1998), section "Actual/Actual",
    // example 1 (regular calculation period, semi-annual): 2003-11-01 to 2004-05-01,
    // ISMA (ICMA) basis 182 / (182 × 2) = 0.5000 (the ISDA basis gives 0.49772438 for the same dates).
    [Fact]
    public void Act_act_icma_of_a_regular_semi_annual_period_is_one_half()
    {
        var period = new CouponPeriod(D("2003-11-01"), D("2004-05-01"), 2);

        Assert.Equal(0.5m, DayCount.YearFraction(DayCountConvention.ActualActualIcma, period.Start, period.End, period));
    }

    // Same source, example 2 (short first period, annual): accrual 1999-02-01 to 1999-07-01 in the
    // notional period 1998-07-01 to 1999-07-01: ISMA 150 / (365 × 1) = 0.41095890.
    [Fact]
    public void Act_act_icma_of_a_short_first_period_uses_the_notional_period()
    {
        var notional = new CouponPeriod(D("1998-07-01"), D("1999-07-01"), 1);

        var fraction = DayCount.YearFraction(DayCountConvention.ActualActualIcma, D("1999-02-01"), D("1999-07-01"), notional);

        Assert.Equal(0.41095890m, decimal.Round(fraction, 8));
    }

    [Fact]
    public void Act_act_icma_needs_a_reference_period_that_contains_the_accrual()
    {
        var period = new CouponPeriod(D("2003-11-01"), D("2004-05-01"), 2);

        Assert.Throws<ArgumentException>(() =>
            DayCount.YearFraction(DayCountConvention.ActualActualIcma, D("2003-11-01"), D("2004-05-01")));
        Assert.Throws<ArgumentException>(() =>
            DayCount.YearFraction(DayCountConvention.ActualActualIcma, D("2003-10-01"), D("2004-05-01"), period));
    }

    // 30/360 Bond Basis, ISDA 2006 Definitions section 4.16(f): 360(Y2−Y1) + 30(M2−M1) + (D2−D1),
    // D1 = 31 → 30; D2 = 31 → 30 only if D1 is then 30 or 31. Worked from the formula:
    [Theory]
    [InlineData("2007-01-31", "2007-02-28", 28)] // D1 31 → 30: 30 + (28 − 30)
    [InlineData("2007-02-28", "2007-03-31", 33)] // D1 = 28, so D2 stays 31: 30 + (31 − 28)
    [InlineData("2007-01-30", "2007-03-31", 60)] // D1 = 30, so D2 31 → 30: 60 + 0
    [InlineData("2006-08-31", "2007-02-28", 178)] // 360 − 180 + (28 − 30)
    [InlineData("2024-01-15", "2024-07-15", 180)]
    public void Thirty_360_bond_basis_counts_thirty_day_months(string start, string end, int days)
    {
        Assert.Equal(days, DayCount.Days30360BondBasis(D(start), D(end)));
        Assert.Equal(days / 360m, DayCount.YearFraction(DayCountConvention.Thirty360BondBasis, D(start), D(end)));
    }

    // ISDA 2006 section 4.16(e) Actual/360: a 91-day deposit 2024-01-15 → 2024-04-15 accrues 91/360.
    [Fact]
    public void Act_360_divides_actual_days_by_360()
    {
        Assert.Equal(91m / 360m, DayCount.YearFraction(DayCountConvention.Actual360, D("2024-01-15"), D("2024-04-15")));
    }

    // ISDA 2006 section 4.16(d) Actual/365 (Fixed): the leap year 2024 has 366 days, so one calendar
    // year accrues 366/365 = 1.00273973, not 1.
    [Fact]
    public void Act_365_fixed_ignores_leap_years()
    {
        var fraction = DayCount.YearFraction(DayCountConvention.Actual365Fixed, D("2024-01-01"), D("2025-01-01"));

        Assert.Equal(1.00273973m, decimal.Round(fraction, 8));
    }

    [Fact]
    public void An_accrual_ending_before_it_starts_is_refused()
    {
        Assert.Throws<ArgumentException>(() => DayCount.YearFraction(DayCountConvention.Actual360, D("2024-02-01"), D("2024-01-01")));
    }
}
