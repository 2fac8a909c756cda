using System.Globalization;
using TradeFlow.Domain.Internal;

namespace TradeFlow.Domain.Values;

/// <summary>
/// A non-negative quantity: shares, face (nominal) amount of a bond, or base-currency amount of
/// an FX deal. Subtraction that would go below zero throws rather than producing a short quantity:
/// direction lives in <see cref="Side"/>, never in the sign.
/// </summary>
public readonly struct Quantity : IEquatable<Quantity>, IComparable<Quantity>
{
    private readonly decimal _value;

    private Quantity(decimal value) => _value = value;

    /// <summary>Zero.</summary>
    public static Quantity Zero => default;

    /// <summary>The quantity as a number.</summary>
    public decimal Value => _value;

    /// <summary>True when the quantity is zero.</summary>
    public bool IsZero => _value == 0m;

    /// <summary>Creates a quantity.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public static Quantity Of(decimal value)
    {
        Preconditions.CheckRange(value >= 0m, nameof(value), value, "A quantity cannot be negative.");
        return new Quantity(value);
    }

    /// <summary>Tries to create a quantity; false when the value is negative.</summary>
    public static bool TryCreate(decimal value, out Quantity quantity)
    {
        quantity = value >= 0m ? new Quantity(value) : default;
        return value >= 0m;
    }

    /// <summary>Parses an invariant non-negative decimal such as "1000000".</summary>
    /// <exception cref="FormatException">Not a decimal, or negative.</exception>
    public static Quantity Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryParse(text, out var quantity))
        {
            Preconditions.ThrowFormat(nameof(Quantity), text, "expected an invariant non-negative decimal");
        }

        return quantity;
    }

    /// <summary>Tries to parse an invariant non-negative decimal without allocating.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Quantity quantity)
    {
        quantity = default;
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && TryCreate(value, out quantity);
    }

    /// <summary>Adds two quantities.</summary>
    public static Quantity operator +(Quantity left, Quantity right) => new(left._value + right._value);

    /// <summary>Subtracts; throws when the result would be negative.</summary>
    /// <exception cref="InvalidOperationException">The right operand is larger than the left.</exception>
    public static Quantity operator -(Quantity left, Quantity right)
    {
        if (right._value > left._value)
        {
            throw new InvalidOperationException(
                $"Cannot subtract quantity {right} from {left}: a quantity cannot go negative.");
        }

        return new Quantity(left._value - right._value);
    }

    /// <summary>Adds (named alternative to the operator).</summary>
    public Quantity Add(Quantity other) => this + other;

    /// <summary>Subtracts (named alternative to the operator); throws when the result would be negative.</summary>
    public Quantity Subtract(Quantity other) => this - other;

    /// <summary>Multiplies by a price: the gross amount before any instrument convention.</summary>
    public decimal Times(Price price) => _value * price.Value;

    /// <inheritdoc/>
    public bool Equals(Quantity other) => _value == other._value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Quantity other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value.GetHashCode();

    /// <inheritdoc/>
    public int CompareTo(Quantity other) => _value.CompareTo(other._value);

    /// <summary>Invariant decimal text ("1000000").</summary>
    public override string ToString() => _value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Equality.</summary>
    public static bool operator ==(Quantity left, Quantity right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Quantity left, Quantity right) => !left.Equals(right);

    /// <summary>Order.</summary>
    public static bool operator <(Quantity left, Quantity right) => left._value < right._value;

    /// <summary>Order.</summary>
    public static bool operator <=(Quantity left, Quantity right) => left._value <= right._value;

    /// <summary>Order.</summary>
    public static bool operator >(Quantity left, Quantity right) => left._value > right._value;

    /// <summary>Order.</summary>
    public static bool operator >=(Quantity left, Quantity right) => left._value >= right._value;
}
