using System.Diagnostics.CodeAnalysis;
using TradeFlow.Domain.Internal;

namespace TradeFlow.Domain.Values;

/// <summary>
/// A trade's identifier: a positive number the engine assigns sequentially, written as
/// <c>T</c> and twelve digits (<c>T000000000042</c>). The fixed width keeps ids sortable as text
/// and stream names (<c>trade-T000000000042</c>) a constant length.
/// </summary>
public readonly struct TradeId : IEquatable<TradeId>, IComparable<TradeId>, ISpanFormattable
{
    /// <summary>The largest id that fits the twelve-digit text form.</summary>
    public const long MaxValue = 999_999_999_999;

    /// <summary>Length of the text form.</summary>
    public const int TextLength = 13;

    private readonly long _value;

    private TradeId(long value) => _value = value;

    /// <summary>The number behind the id.</summary>
    public long Value => _value;

    /// <summary>True for <c>default(TradeId)</c>, which no factory returns.</summary>
    public bool IsDefault => _value == 0;

    /// <summary>The first id the engine assigns.</summary>
    public static TradeId First => new(1);

    /// <summary>Creates an id from its number.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not in 1..<see cref="MaxValue"/>.</exception>
    public static TradeId FromInt64(long value)
    {
        Preconditions.CheckRange(value is > 0 and <= MaxValue, nameof(value), value,
            "A trade id is a number from 1 to 999999999999.");
        return new TradeId(value);
    }

    /// <summary>The next id in sequence.</summary>
    /// <exception cref="InvalidOperationException">The id space is exhausted.</exception>
    public TradeId Next()
    {
        if (_value >= MaxValue)
        {
            throw new InvalidOperationException("Trade id space exhausted at T999999999999.");
        }

        return new TradeId(_value + 1);
    }

    /// <summary>The id <paramref name="offset"/> places after this one (allocation children, novations).</summary>
    public TradeId Plus(int offset) => FromInt64(checked(_value + offset));

    /// <summary>Parses "T000000000042".</summary>
    /// <exception cref="FormatException">Not a T followed by twelve digits, or zero.</exception>
    public static TradeId Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryParse(text, out var id))
        {
            Preconditions.ThrowFormat(nameof(TradeId), text, "expected 'T' and twelve digits, not all zero");
        }

        return id;
    }

    /// <summary>Tries to parse "T000000000042" without allocating.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out TradeId id)
    {
        id = default;
        if (text.Length != TextLength || text[0] != 'T')
        {
            return false;
        }

        long value = 0;
        for (var i = 1; i < TextLength; i++)
        {
            var digit = text[i] - '0';
            // Unchecked: the domain builds with overflow checks, and a character below '0' must read as "not a digit",
            // not throw.
            if (unchecked((uint)digit) > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        if (value == 0)
        {
            return false;
        }

        id = new TradeId(value);
        return true;
    }

    /// <summary>Writes "T000000000042" into <paramref name="destination"/> without allocating.</summary>
    public bool TryFormat(Span<char> destination, out int charsWritten)
    {
        charsWritten = 0;
        if (destination.Length < TextLength)
        {
            return false;
        }

        destination[0] = 'T';
        var remaining = _value;
        for (var i = TextLength - 1; i >= 1; i--)
        {
            destination[i] = (char)('0' + (remaining % 10));
            remaining /= 10;
        }

        charsWritten = TextLength;
        return true;
    }

    /// <inheritdoc/>
    bool ISpanFormattable.TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format,
        IFormatProvider? provider) => TryFormat(destination, out charsWritten);

    /// <inheritdoc/>
    string IFormattable.ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <summary>"T000000000042".</summary>
    public override string ToString() => string.Create(TextLength, this, static (span, id) => id.TryFormat(span, out _));

    /// <inheritdoc/>
    public bool Equals(TradeId other) => _value == other._value;

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is TradeId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value.GetHashCode();

    /// <inheritdoc/>
    public int CompareTo(TradeId other) => _value.CompareTo(other._value);

    /// <summary>Equality.</summary>
    public static bool operator ==(TradeId left, TradeId right) => left._value == right._value;

    /// <summary>Inequality.</summary>
    public static bool operator !=(TradeId left, TradeId right) => left._value != right._value;

    /// <summary>Order of assignment.</summary>
    public static bool operator <(TradeId left, TradeId right) => left._value < right._value;

    /// <summary>Order of assignment.</summary>
    public static bool operator <=(TradeId left, TradeId right) => left._value <= right._value;

    /// <summary>Order of assignment.</summary>
    public static bool operator >(TradeId left, TradeId right) => left._value > right._value;

    /// <summary>Order of assignment.</summary>
    public static bool operator >=(TradeId left, TradeId right) => left._value >= right._value;
}
