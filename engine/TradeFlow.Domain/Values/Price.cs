using System.Globalization;
using TradeFlow.Domain.Internal;

namespace TradeFlow.Domain.Values;

/// <summary>
/// A strictly positive price: per share for equities, quote-currency units per base-currency unit
/// for FX, and percent of face value (clean) for bonds. <c>default</c> is not a price.
/// </summary>
public readonly struct Price : IEquatable<Price>, IComparable<Price>
{
    private readonly decimal _value;

    private Price(decimal value) => _value = value;

    /// <summary>The price as a number.</summary>
    public decimal Value => _value;

    /// <summary>Creates a price.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public static Price Of(decimal value)
    {
        Preconditions.CheckRange(value > 0m, nameof(value), value, "A price must be greater than zero.");
        return new Price(value);
    }

    /// <summary>Tries to create a price; false when the value is zero or negative.</summary>
    public static bool TryCreate(decimal value, out Price price)
    {
        price = value > 0m ? new Price(value) : default;
        return value > 0m;
    }

    /// <summary>Parses an invariant decimal such as "101.25".</summary>
    /// <exception cref="FormatException">Not a decimal, or not greater than zero.</exception>
    public static Price Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryParse(text, out var price))
        {
            Preconditions.ThrowFormat(nameof(Price), text, "expected an invariant decimal greater than zero");
        }

        return price;
    }

    /// <summary>Tries to parse an invariant decimal greater than zero without allocating.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Price price)
    {
        price = default;
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && TryCreate(value, out price);
    }

    /// <inheritdoc/>
    public bool Equals(Price other) => _value == other._value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Price other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value.GetHashCode();

    /// <inheritdoc/>
    public int CompareTo(Price other) => _value.CompareTo(other._value);

    /// <summary>Invariant decimal text with the scale it was given ("12.50").</summary>
    public override string ToString() => _value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Equality.</summary>
    public static bool operator ==(Price left, Price right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Price left, Price right) => !left.Equals(right);

    /// <summary>Order.</summary>
    public static bool operator <(Price left, Price right) => left._value < right._value;

    /// <summary>Order.</summary>
    public static bool operator <=(Price left, Price right) => left._value <= right._value;

    /// <summary>Order.</summary>
    public static bool operator >(Price left, Price right) => left._value > right._value;

    /// <summary>Order.</summary>
    public static bool operator >=(Price left, Price right) => left._value >= right._value;
}
