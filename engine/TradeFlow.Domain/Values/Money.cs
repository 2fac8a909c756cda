using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using TradeFlow.Domain.Internal;

namespace TradeFlow.Domain.Values;

/// <summary>
/// An amount of money in one currency. Amounts are <see cref="decimal"/>, never floating point.
/// Arithmetic and comparison between different currencies throw <see cref="CurrencyMismatchException"/>.
/// The amount keeps its full precision until <see cref="Round()"/> is called (for example when a
/// settlement amount is fixed), so intermediate results are not rounded twice.
/// </summary>
public readonly struct Money : IEquatable<Money>, IComparable<Money>
{
    private readonly decimal _amount;
    private readonly Currency _currency;

    /// <summary>Creates an amount of money.</summary>
    /// <exception cref="ArgumentException">The currency is <c>default</c>.</exception>
    public Money(decimal amount, Currency currency)
    {
        Preconditions.CheckArgument(!currency.IsDefault, nameof(currency), "Money needs a currency.");
        _amount = amount;
        _currency = currency;
    }

    /// <summary>The amount, with whatever precision the calculation produced.</summary>
    public decimal Amount => _amount;

    /// <summary>The currency of the amount.</summary>
    public Currency Currency => _currency;

    /// <summary>Zero in the given currency.</summary>
    public static Money Zero(Currency currency) => new(0m, currency);

    /// <summary>True when the amount is zero.</summary>
    public bool IsZero => _amount == 0m;

    /// <summary>True when the amount is below zero.</summary>
    public bool IsNegative => _amount < 0m;

    /// <summary>
    /// Rounds to the currency's minor units, half away from zero ("commercial rounding", the rule
    /// Council Regulation (EC) No 1103/97 art. 5 prescribes for euro amounts).
    /// </summary>
    public Money Round() => Round(MidpointRounding.AwayFromZero);

    /// <summary>Rounds to the currency's minor units with the given midpoint rule.</summary>
    public Money Round(MidpointRounding mode) => new(decimal.Round(_amount, _currency.MinorUnits, mode), _currency);

    /// <summary>The absolute value.</summary>
    public Money Abs() => new(Math.Abs(_amount), _currency);

    /// <summary>Adds two amounts of the same currency.</summary>
    public static Money operator +(Money left, Money right)
    {
        RequireSameCurrency(left, right, "add");
        return new Money(left._amount + right._amount, left._currency);
    }

    /// <summary>Subtracts two amounts of the same currency.</summary>
    public static Money operator -(Money left, Money right)
    {
        RequireSameCurrency(left, right, "subtract");
        return new Money(left._amount - right._amount, left._currency);
    }

    /// <summary>Negates the amount.</summary>
    public static Money operator -(Money value) => new(-value._amount, value._currency);

    /// <summary>Scales the amount by a factor.</summary>
    public static Money operator *(Money money, decimal factor) => new(money._amount * factor, money._currency);

    /// <summary>Scales the amount by a factor.</summary>
    public static Money operator *(decimal factor, Money money) => money * factor;

    /// <summary>Divides the amount by a divisor.</summary>
    public static Money operator /(Money money, decimal divisor) => new(money._amount / divisor, money._currency);

    /// <summary>Adds (named alternative to the operator).</summary>
    public Money Add(Money other) => this + other;

    /// <summary>Subtracts (named alternative to the operator).</summary>
    public Money Subtract(Money other) => this - other;

    /// <summary>Multiplies (named alternative to the operator).</summary>
    public Money Multiply(decimal factor) => this * factor;

    /// <summary>Divides (named alternative to the operator).</summary>
    public Money Divide(decimal divisor) => this / divisor;

    /// <summary>Negates (named alternative to the operator).</summary>
    public Money Negate() => -this;

    /// <summary>Compares two amounts of the same currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public int CompareTo(Money other)
    {
        RequireSameCurrency(this, other, "compare");
        return _amount.CompareTo(other._amount);
    }

    /// <summary>Equal when the currencies are equal and the amounts are numerically equal (1.0 == 1.00).</summary>
    public bool Equals(Money other) => _currency == other._currency && _amount == other._amount;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Money other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_amount, _currency);

    /// <summary>Invariant text, amount then code: "1234.50 EUR".</summary>
    public override string ToString() =>
        _amount.ToString(CultureInfo.InvariantCulture) + " " + _currency.Code;

    /// <summary>Parses the <see cref="ToString"/> form "1234.50 EUR".</summary>
    /// <exception cref="FormatException">The text is not an amount, a space and a known currency code.</exception>
    public static Money Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryParse(text, out var money))
        {
            Preconditions.ThrowFormat(nameof(Money), text, "expected an invariant decimal, a space and an ISO 4217 code");
        }

        return money;
    }

    /// <summary>Tries to parse the <see cref="ToString"/> form "1234.50 EUR" without allocating.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Money money)
    {
        money = default;
        var space = text.LastIndexOf(' ');
        if (space <= 0 || !Currency.TryParse(text[(space + 1)..], out var currency) ||
            !decimal.TryParse(text[..space], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        money = new Money(amount, currency);
        return true;
    }

    /// <summary>Equality.</summary>
    public static bool operator ==(Money left, Money right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Money left, Money right) => !left.Equals(right);

    /// <summary>Order within one currency; throws on mismatch.</summary>
    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    /// <summary>Order within one currency; throws on mismatch.</summary>
    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    /// <summary>Order within one currency; throws on mismatch.</summary>
    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    /// <summary>Order within one currency; throws on mismatch.</summary>
    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    private static void RequireSameCurrency(Money left, Money right, string operation)
    {
        if (left._currency != right._currency)
        {
            ThrowMismatch(left._currency, right._currency, operation);
        }
    }

    [DoesNotReturn]
    private static void ThrowMismatch(Currency left, Currency right, string operation) =>
        throw new CurrencyMismatchException(left, right, operation);
}
