namespace TradeFlow.Domain.DayCounts;

/// <summary>Day-count conventions for accrued interest (ISDA 2006 Definitions section 4.16; ICMA Rule 251).</summary>
public enum DayCountConvention
{
    /// <summary>
    /// Actual/Actual (ICMA), ICMA Rule 251: actual days accrued divided by (coupon frequency ×
    /// actual days in the coupon period). Government bonds: Bunds, OATs, US Treasuries, Gilts.
    /// </summary>
    ActualActualIcma = 1,

    /// <summary>30/360 "Bond Basis" (ISDA 2006 section 4.16(f)): months of 30 days, years of 360. US corporates, many agencies.</summary>
    Thirty360BondBasis = 2,

    /// <summary>Actual/360 (ISDA 2006 section 4.16(e)): money markets, most floating legs.</summary>
    Actual360 = 3,

    /// <summary>Actual/365 (Fixed) (ISDA 2006 section 4.16(d)): GBP money markets; leap days are not special.</summary>
    Actual365Fixed = 4,
}
