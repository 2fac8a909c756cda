using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using TradeFlow.Domain.Internal;

namespace TradeFlow.Domain.Values;

/// <summary>
/// An instrument's identifier: either an ISIN (ISO 6166: two-letter country code, nine-character
/// national code, one Luhn check digit) for securities, or a currency pair such as <c>EUR/USD</c>
/// for FX. Both fit one <see cref="long"/>: an ISIN is 12 base-36 digits (36^12 &lt; 2^63) and a
/// pair is two packed currencies with the sign bit set, so hashing and equality are one compare.
/// </summary>
public readonly struct InstrumentId : IEquatable<InstrumentId>, IComparable<InstrumentId>
{
    /// <summary>Length of an ISIN.</summary>
    public const int IsinLength = 12;

    private const long FxFlag = long.MinValue;

    private readonly long _value;

    private InstrumentId(long value) => _value = value;

    /// <summary>True for <c>default(InstrumentId)</c>, which no factory returns.</summary>
    public bool IsDefault => _value == 0;

    /// <summary>True when this is a currency pair rather than an ISIN.</summary>
    public bool IsFxPair => _value < 0;

    /// <summary>True when this is an ISIN.</summary>
    public bool IsIsin => _value > 0;

    /// <summary>The base (first) currency of a pair: EUR in EUR/USD.</summary>
    /// <exception cref="InvalidOperationException">Not a currency pair.</exception>
    public Currency Base => IsFxPair ? Currency.FromPacked((int)((_value >> 28) & 0xFFFFFFF)) : ThrowNotPair();

    /// <summary>The quote (second) currency of a pair: USD in EUR/USD. FX prices are quote units per base unit.</summary>
    /// <exception cref="InvalidOperationException">Not a currency pair.</exception>
    public Currency Quote => IsFxPair ? Currency.FromPacked((int)(_value & 0xFFFFFFF)) : ThrowNotPair();

    /// <summary>Creates the currency pair base/quote.</summary>
    /// <exception cref="ArgumentException">A currency is default, or both are the same.</exception>
    public static InstrumentId FxPair(Currency baseCurrency, Currency quoteCurrency)
    {
        Preconditions.CheckArgument(!baseCurrency.IsDefault && !quoteCurrency.IsDefault, nameof(baseCurrency),
            "An FX pair needs two currencies.");
        if (baseCurrency == quoteCurrency)
        {
            // The message names the currency, so it is built only on the throw: an interpolated argument would be
            // formatted (a string per pair) on every valid call too.
            ThrowSameCurrency(baseCurrency);
        }

        return Pair(baseCurrency, quoteCurrency);
    }

    /// <summary>Parses an ISIN ("US0378331005") or a pair ("EUR/USD").</summary>
    /// <exception cref="FormatException">Neither a valid ISIN nor a pair of known currencies; the message says why.</exception>
    public static InstrumentId Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var error = Validate(text, out var id);
        if (error is not null)
        {
            Preconditions.ThrowFormat("instrument id (ISIN or FX pair)", text, error);
        }

        return id;
    }

    /// <summary>Tries to parse an ISIN or a pair without allocating.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out InstrumentId id) => Validate(text, out id) is null;

    /// <summary>Computes the ISIN check digit for an 11-character prefix (country code + national code).</summary>
    /// <exception cref="ArgumentException">The prefix is not 11 upper-case alphanumerics starting with two letters.</exception>
    public static char ComputeIsinCheckDigit(string prefix11)
    {
        ArgumentNullException.ThrowIfNull(prefix11);
        Preconditions.CheckArgument(prefix11.Length == 11 && Alphanumeric.IsUpperAlphanumeric(prefix11)
            && char.IsAsciiLetterUpper(prefix11[0]) && char.IsAsciiLetterUpper(prefix11[1]),
            nameof(prefix11), "An ISIN prefix is two letters and nine upper-case alphanumerics.");
        return (char)('0' + LuhnCheckDigit(prefix11));
    }

    /// <summary>Writes the ISIN or "EUR/USD" into <paramref name="destination"/> without allocating.</summary>
    public bool TryFormat(Span<char> destination, out int charsWritten)
    {
        charsWritten = 0;
        if (IsFxPair)
        {
            if (destination.Length < 7)
            {
                return false;
            }

            Base.TryFormat(destination, out _);
            destination[3] = '/';
            Quote.TryFormat(destination[4..], out _);
            charsWritten = 7;
            return true;
        }

        if (destination.Length < IsinLength || IsDefault)
        {
            return false;
        }

        var remaining = _value;
        for (var i = IsinLength - 1; i >= 0; i--)
        {
            destination[i] = Alphanumeric.DigitChar((int)(remaining % 36));
            remaining /= 36;
        }

        charsWritten = IsinLength;
        return true;
    }

    /// <summary>The ISIN or "EUR/USD" (empty for <c>default</c>).</summary>
    public override string ToString()
    {
        Span<char> buffer = stackalloc char[IsinLength];
        return TryFormat(buffer, out var written) ? new string(buffer[..written]) : string.Empty;
    }

    /// <inheritdoc/>
    public bool Equals(InstrumentId other) => _value == other._value;

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is InstrumentId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value.GetHashCode();

    /// <summary>FX pairs first, then ISINs in ordinal order.</summary>
    public int CompareTo(InstrumentId other) => _value.CompareTo(other._value);

    /// <summary>Equality.</summary>
    public static bool operator ==(InstrumentId left, InstrumentId right) => left._value == right._value;

    /// <summary>Inequality.</summary>
    public static bool operator !=(InstrumentId left, InstrumentId right) => left._value != right._value;

    /// <summary>Order (see <see cref="CompareTo"/>).</summary>
    public static bool operator <(InstrumentId left, InstrumentId right) => left._value < right._value;

    /// <summary>Order (see <see cref="CompareTo"/>).</summary>
    public static bool operator <=(InstrumentId left, InstrumentId right) => left._value <= right._value;

    /// <summary>Order (see <see cref="CompareTo"/>).</summary>
    public static bool operator >(InstrumentId left, InstrumentId right) => left._value > right._value;

    /// <summary>Order (see <see cref="CompareTo"/>).</summary>
    public static bool operator >=(InstrumentId left, InstrumentId right) => left._value >= right._value;

    private static string? Validate(ReadOnlySpan<char> text, out InstrumentId id)
    {
        id = default;
        if (text.Length == 7 && text[3] == '/')
        {
            if (!Currency.TryParse(text[..3], out var b) || !Currency.TryParse(text[4..], out var q))
            {
                return "an FX pair is two known ISO 4217 codes separated by '/'";
            }

            if (b == q)
            {
                return "an FX pair needs two different currencies";
            }

            id = Pair(b, q);
            return null;
        }

        return ValidateIsin(text, out id);
    }

    private static string? ValidateIsin(ReadOnlySpan<char> isin, out InstrumentId id)
    {
        id = default;
        if (isin.Length != IsinLength)
        {
            return "an ISIN is exactly 12 characters";
        }

        if (!char.IsAsciiLetterUpper(isin[0]) || !char.IsAsciiLetterUpper(isin[1]))
        {
            return "an ISIN starts with a two-letter country code";
        }

        if (!Alphanumeric.IsUpperAlphanumeric(isin) || !char.IsAsciiDigit(isin[11]))
        {
            return "an ISIN holds only 0-9 and A-Z and ends with a check digit";
        }

        if (LuhnCheckDigit(isin[..11]) != isin[11] - '0')
        {
            return "the check digit does not match";
        }

        long packed = 0;
        foreach (var c in isin)
        {
            packed = (packed * 36) + Alphanumeric.DigitValue(c);
        }

        id = new InstrumentId(packed);
        return null;
    }

    // ISO 6166 Annex C: letters become two digits (A=10 ... Z=35); then the Luhn "modulus 10
    // double-add-double" runs over the digit string, doubling every second digit starting from
    // the rightmost one.
    private static int LuhnCheckDigit(ReadOnlySpan<char> payload)
    {
        Span<int> digits = stackalloc int[payload.Length * 2];
        var count = 0;
        foreach (var c in payload)
        {
            var value = Alphanumeric.DigitValue(c);
            if (value >= 10)
            {
                digits[count++] = value / 10;
            }

            digits[count++] = value % 10;
        }

        var sum = 0;
        var doubleIt = true;
        for (var i = count - 1; i >= 0; i--)
        {
            var d = doubleIt ? digits[i] * 2 : digits[i];
            sum += d > 9 ? d - 9 : d;
            doubleIt = !doubleIt;
        }

        return (10 - (sum % 10)) % 10;
    }

    // Two known, different currencies (the callers have checked both).
    private static InstrumentId Pair(Currency baseCurrency, Currency quoteCurrency) =>
        new(FxFlag | ((long)baseCurrency.Packed << 28) | (long)quoteCurrency.Packed);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowSameCurrency(Currency currency) =>
        Preconditions.ThrowArgument("quoteCurrency", $"An FX pair needs two different currencies, not {currency}/{currency}.");

    [DoesNotReturn]
    private Currency ThrowNotPair() =>
        throw new InvalidOperationException($"Instrument {this} is an ISIN, not a currency pair.");
}
