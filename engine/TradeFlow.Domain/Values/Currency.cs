using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using TradeFlow.Domain.Internal;

namespace TradeFlow.Domain.Values;

/// <summary>
/// An ISO 4217 currency with its minor units (decimal places of its smallest unit).
/// The three letters and the minor units are packed into one <see cref="int"/>, so equality,
/// hashing and parsing never allocate; the engine keys dictionaries by currency.
/// Only currencies in the built-in table (<see cref="All"/>) can be constructed; <c>default</c>
/// is the "no currency" value that no factory returns.
/// </summary>
public readonly struct Currency : IEquatable<Currency>, IComparable<Currency>, ISpanParsable<Currency>
{
    // Bits 16-23: first letter, 8-15: second, 0-7: third (so int order is alphabetical order);
    // bits 24-27: minor units. Letters are never zero, so a real currency is never default.
    private readonly int _packed;

    private Currency(int packed) => _packed = packed;

    private static readonly FrozenDictionary<int, Currency> ByLetters = BuildTable();

    /// <summary>US dollar.</summary>
    public static Currency USD => Known('U', 'S', 'D', 2);
    /// <summary>Euro.</summary>
    public static Currency EUR => Known('E', 'U', 'R', 2);
    /// <summary>Pound sterling.</summary>
    public static Currency GBP => Known('G', 'B', 'P', 2);
    /// <summary>Japanese yen (no minor units).</summary>
    public static Currency JPY => Known('J', 'P', 'Y', 0);
    /// <summary>Swiss franc.</summary>
    public static Currency CHF => Known('C', 'H', 'F', 2);
    /// <summary>Canadian dollar.</summary>
    public static Currency CAD => Known('C', 'A', 'D', 2);
    /// <summary>Australian dollar.</summary>
    public static Currency AUD => Known('A', 'U', 'D', 2);
    /// <summary>New Zealand dollar.</summary>
    public static Currency NZD => Known('N', 'Z', 'D', 2);
    /// <summary>Swedish krona.</summary>
    public static Currency SEK => Known('S', 'E', 'K', 2);
    /// <summary>Norwegian krone.</summary>
    public static Currency NOK => Known('N', 'O', 'K', 2);
    /// <summary>Danish krone.</summary>
    public static Currency DKK => Known('D', 'K', 'K', 2);
    /// <summary>Hong Kong dollar.</summary>
    public static Currency HKD => Known('H', 'K', 'D', 2);
    /// <summary>Singapore dollar.</summary>
    public static Currency SGD => Known('S', 'G', 'D', 2);
    /// <summary>Chinese yuan renminbi.</summary>
    public static Currency CNY => Known('C', 'N', 'Y', 2);

    /// <summary>The three-letter ISO 4217 code, e.g. "EUR".</summary>
    public string Code => IsDefault ? string.Empty : string.Create(3, _packed, static (span, p) =>
    {
        span[0] = (char)((p >> 16) & 0xFF);
        span[1] = (char)((p >> 8) & 0xFF);
        span[2] = (char)(p & 0xFF);
    });

    /// <summary>Decimal places of the currency's minor unit (2 for EUR, 0 for JPY, 3 for KWD).</summary>
    public int MinorUnits => (_packed >> 24) & 0xF;

    /// <summary>True for <c>default(Currency)</c>, which is not a currency.</summary>
    public bool IsDefault => _packed == 0;

    /// <summary>Every currency in the built-in ISO 4217 table, ordered by code.</summary>
    public static IReadOnlyList<Currency> All { get; } = [.. ByLetters.Values.OrderBy(c => c._packed)];

    /// <summary>Parses a three-letter upper-case ISO 4217 code from the built-in table.</summary>
    /// <exception cref="FormatException">The code is malformed or not in the table.</exception>
    public static Currency Parse(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Parse(code.AsSpan(), null);
    }

    /// <inheritdoc cref="Parse(string)"/>
    public static Currency Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc cref="Parse(string)"/>
    public static Currency Parse(ReadOnlySpan<char> s, IFormatProvider? provider)
    {
        if (!TryParse(s, out var result))
        {
            Preconditions.ThrowFormat(nameof(Currency), s.ToString(),
                "expected a three-letter upper-case ISO 4217 code from the currency table");
        }

        return result;
    }

    /// <summary>Tries to parse an ISO 4217 code without allocating.</summary>
    public static bool TryParse(ReadOnlySpan<char> code, out Currency result)
    {
        result = default;
        if (code.Length != 3 || !IsUpper(code[0]) || !IsUpper(code[1]) || !IsUpper(code[2]))
        {
            return false;
        }

        return ByLetters.TryGetValue(Letters(code[0], code[1], code[2]), out result);
    }

    /// <summary>Tries to parse UTF-8 bytes of an ISO 4217 code (as read from FIX or JSON) without allocating.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8Code, out Currency result)
    {
        result = default;
        if (utf8Code.Length != 3)
        {
            return false;
        }

        Span<char> chars = [(char)utf8Code[0], (char)utf8Code[1], (char)utf8Code[2]];
        return TryParse(chars, out result);
    }

    /// <inheritdoc/>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Currency result) =>
        TryParse(s.AsSpan(), out result);

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Currency result) =>
        TryParse(s, out result);

    /// <summary>Writes the three letters into <paramref name="destination"/> without allocating.</summary>
    public bool TryFormat(Span<char> destination, out int charsWritten)
    {
        charsWritten = 0;
        if (destination.Length < 3 || IsDefault)
        {
            return false;
        }

        destination[0] = (char)((_packed >> 16) & 0xFF);
        destination[1] = (char)((_packed >> 8) & 0xFF);
        destination[2] = (char)(_packed & 0xFF);
        charsWritten = 3;
        return true;
    }

    /// <inheritdoc/>
    public bool Equals(Currency other) => _packed == other._packed;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Currency other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _packed;

    /// <summary>Orders currencies alphabetically by code.</summary>
    public int CompareTo(Currency other) => (_packed & 0xFFFFFF).CompareTo(other._packed & 0xFFFFFF);

    /// <summary>The ISO code, e.g. "EUR" (empty for <c>default</c>).</summary>
    public override string ToString() => Code;

    /// <summary>Equality of currencies.</summary>
    public static bool operator ==(Currency left, Currency right) => left.Equals(right);

    /// <summary>Inequality of currencies.</summary>
    public static bool operator !=(Currency left, Currency right) => !left.Equals(right);

    /// <summary>Alphabetical order.</summary>
    public static bool operator <(Currency left, Currency right) => left.CompareTo(right) < 0;

    /// <summary>Alphabetical order.</summary>
    public static bool operator <=(Currency left, Currency right) => left.CompareTo(right) <= 0;

    /// <summary>Alphabetical order.</summary>
    public static bool operator >(Currency left, Currency right) => left.CompareTo(right) > 0;

    /// <summary>Alphabetical order.</summary>
    public static bool operator >=(Currency left, Currency right) => left.CompareTo(right) >= 0;

    internal int Packed => _packed;

    internal static Currency FromPacked(int packed) => new(packed);

    private static bool IsUpper(char c) => c is >= 'A' and <= 'Z';

    private static int Letters(char a, char b, char c) => (a << 16) | (b << 8) | c;

    private static Currency Known(char a, char b, char c, int minorUnits) =>
        new((minorUnits << 24) | Letters(a, b, c));

    private static FrozenDictionary<int, Currency> BuildTable()
    {
        var table = new Dictionary<int, Currency>();
        foreach (var (code, minor) in CurrencyTable.Entries)
        {
            var currency = Known(code[0], code[1], code[2], minor);
            table.Add(currency._packed & 0xFFFFFF, currency);
        }

        return table.ToFrozenDictionary();
    }
}
