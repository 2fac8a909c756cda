using FsCheck;
using FsCheck.Fluent;

namespace TradeFlow.Projections.Tests.Support;

/// <summary>
/// Decimal amounts for the compact-amount properties: everyday minor-unit amounts at every scale, mantissas at and past
/// 64 bits (which cannot be held as a scaled <c>long</c>), and zeros of every scale and sign — a decimal zero carries
/// its scale and can carry a sign, and both are written to the state.
/// </summary>
public static class Amounts
{
    public static Gen<decimal> Any { get; } = Gen.OneOf(
        from units in Gen.Choose(-100_000_000, 100_000_000) from scale in Gen.Choose(0, 4)
        select new decimal(Math.Abs(units), 0, 0, units < 0, (byte)scale),
        from lo in ArbitraryInt() from mid in ArbitraryInt() from hi in Gen.Elements(0, 0, 1, int.MaxValue, -1)
        from negative in Gen.Elements(false, true) from scale in Gen.Choose(0, 28)
        select new decimal(lo, mid, hi, negative, (byte)scale),
        from negative in Gen.Elements(false, true) from scale in Gen.Choose(0, 28)
        select new decimal(0, 0, 0, negative, (byte)scale),
        Gen.Elements(long.MaxValue, long.MinValue, long.MinValue + 1, (decimal)long.MaxValue + 1, -(decimal)long.MaxValue - 1, decimal.MaxValue, decimal.MinValue));

    public static Arbitrary<decimal> Arbitrary() => Any.ToArbitrary();

    private static Gen<int> ArbitraryInt() => Gen.OneOf(Gen.Choose(int.MinValue, int.MaxValue), Gen.Elements(0, -1, int.MinValue, int.MaxValue));

    /// <summary>True when the two are the same decimal bit for bit: value, scale and sign.</summary>
    public static bool Identical(decimal a, decimal b) => decimal.GetBits(a).AsSpan().SequenceEqual(decimal.GetBits(b));
}
