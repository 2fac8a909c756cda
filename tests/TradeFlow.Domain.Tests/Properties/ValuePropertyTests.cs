using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Tests.Properties;

public class ValuePropertyTests
{
    // Amounts up to ±10^12 with 0-6 decimals: far beyond any trade, well inside decimal's range.
    private static readonly Gen<decimal> Amounts =
        from units in Gen.Choose(-1_000_000, 1_000_000)
        from fraction in Gen.Choose(0, 999_999)
        from scale in Gen.Choose(0, 6)
        select decimal.Round(units * 1_000_000m + fraction / 1_000_000m, scale);

    private static readonly Gen<Currency> Currencies = Gen.Elements(Currency.All.ToArray());

    private static readonly Gen<Money> Monies =
        from amount in Amounts
        from currency in Currencies
        select new Money(amount, currency);

    private static readonly Gen<Quantity> Quantities = Amounts.Select(a => Quantity.Of(Math.Abs(a)));

    [Fact]
    public void Money_addition_is_commutative_and_associative_and_zero_is_neutral()
    {
        var sameCurrencyTriples =
            from currency in Currencies
            from a in Amounts
            from b in Amounts
            from c in Amounts
            select (new Money(a, currency), new Money(b, currency), new Money(c, currency));

        Prop.ForAll(sameCurrencyTriples.ToArbitrary(), t =>
        {
            var (a, b, c) = t;
            return a + b == b + a
                && (a + b) + c == a + (b + c)
                && a + Money.Zero(a.Currency) == a
                && a - a == Money.Zero(a.Currency)
                && -(-a) == a;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Mixing_currencies_always_throws_and_never_yields_an_amount()
    {
        var pairs = from a in Monies from b in Monies where a.Currency != b.Currency select (a, b);

        Prop.ForAll(pairs.ToArbitrary(), p =>
        {
            var (a, b) = p;
            return Throws(() => a + b) && Throws(() => a - b) && Throws(() => a.CompareTo(b)) && a != b;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Rounding_is_idempotent_stays_within_half_a_minor_unit_and_keeps_the_currency()
    {
        Prop.ForAll(Monies.ToArbitrary(), m =>
        {
            var rounded = m.Round();
            var halfUnit = 0.5m / (decimal)Math.Pow(10, m.Currency.MinorUnits);
            return rounded.Round() == rounded
                && Math.Abs(rounded.Amount - m.Amount) <= halfUnit
                && rounded.Currency == m.Currency;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Money_text_round_trips()
    {
        Prop.ForAll(Monies.ToArbitrary(), m => Money.Parse(m.ToString()) == m).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_quantity_is_never_negative_whatever_the_arithmetic()
    {
        var pairs = from a in Quantities from b in Quantities select (a, b);

        Prop.ForAll(pairs.ToArbitrary(), p =>
        {
            var (a, b) = p;
            var sum = a + b;
            var difference = b <= a ? (Quantity?)(a - b) : null;
            return sum.Value >= 0m
                && (difference is null ? Throws(() => a - b) : difference.Value.Value >= 0m && difference.Value + b == a);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Trade_ids_round_trip_through_text_and_keep_their_order()
    {
        var ids = Gen.Choose(1, int.MaxValue).Select(i => TradeId.FromInt64(i * 397L));
        var pairs = from a in ids from b in ids select (a, b);

        Prop.ForAll(pairs.ToArbitrary(), p =>
            TradeId.Parse(p.a.ToString()) == p.a
            && Math.Sign(p.a.CompareTo(p.b)) == Math.Sign(string.CompareOrdinal(p.a.ToString(), p.b.ToString())))
            .QuickCheckThrowOnFailure();
    }

    private static bool Throws(Action action)
    {
        try
        {
            action();
            return false;
        }
        catch (CurrencyMismatchException)
        {
            return true;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private static bool Throws(Func<object> func) => Throws(() => { _ = func(); });
}
