using System.Diagnostics.CodeAnalysis;
using TradeFlow.Domain.Internal;

namespace TradeFlow.Domain.Values;

/// <summary>
/// A counterparty's Legal Entity Identifier (ISO 17442): 18 upper-case alphanumerics followed by
/// two check digits, valid when the whole code read as a number (letters as 10-35) is 1 modulo 97
/// (ISO 7064 MOD 97-10, the scheme IBANs use). The 20 characters are packed base 36 into one
/// <see cref="UInt128"/>, so parsing, hashing and equality never allocate and numeric order is
/// the code's ordinal order.
/// </summary>
public readonly struct CounterpartyId : IEquatable<CounterpartyId>, IComparable<CounterpartyId>
{
    /// <summary>Length of an LEI.</summary>
    public const int Length = 20;

    private const int LowDigits = 12;
    private const ulong Base36Pow12 = 4_738_381_338_321_616_896; // 36^12
    private const ulong Base36Pow8 = 2_821_109_907_456; // 36^8

    private readonly UInt128 _packed;

    private CounterpartyId(UInt128 packed) => _packed = packed;

    /// <summary>True for <c>default(CounterpartyId)</c>, which no factory returns (0…0 fails the check digits).</summary>
    public bool IsDefault => _packed == UInt128.Zero;

    /// <summary>Parses and validates an LEI.</summary>
    /// <exception cref="FormatException">Wrong length, characters or check digits; the message says which.</exception>
    public static CounterpartyId Parse(string lei)
    {
        ArgumentNullException.ThrowIfNull(lei);
        var error = Validate(lei, out var id);
        if (error is not null)
        {
            Preconditions.ThrowFormat("LEI", lei, error);
        }

        return id;
    }

    /// <summary>Tries to parse and validate an LEI without allocating.</summary>
    public static bool TryParse(ReadOnlySpan<char> lei, out CounterpartyId id) => Validate(lei, out id) is null;

    /// <summary>Tries to parse and validate an LEI from UTF-8 bytes (FIX, JSON) without allocating.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8Lei, out CounterpartyId id)
    {
        id = default;
        if (utf8Lei.Length != Length)
        {
            return false;
        }

        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
        {
            chars[i] = (char)utf8Lei[i];
        }

        return TryParse(chars, out id);
    }

    /// <summary>
    /// Computes the two ISO 7064 MOD 97-10 check digits for an 18-character LEI prefix
    /// (98 minus the prefix followed by "00", modulo 97).
    /// </summary>
    /// <exception cref="ArgumentException">The prefix is not 18 upper-case alphanumerics.</exception>
    public static string ComputeCheckDigits(string prefix18)
    {
        ArgumentNullException.ThrowIfNull(prefix18);
        Preconditions.CheckArgument(prefix18.Length == 18 && Alphanumeric.IsUpperAlphanumeric(prefix18),
            nameof(prefix18), "An LEI prefix is 18 upper-case alphanumeric characters.");
        var remainder = Mod97(prefix18);
        remainder = ((remainder * 100) + 0) % 97;
        var check = 98 - remainder;
        return check.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Writes the 20 characters into <paramref name="destination"/> without allocating.</summary>
    public bool TryFormat(Span<char> destination, out int charsWritten)
    {
        charsWritten = 0;
        if (destination.Length < Length || IsDefault)
        {
            return false;
        }

        // One 128-bit division splits the value at 36^12 (which fits a ulong); the digits then come from
        // ulong divisions by a constant, not twenty 128-bit divisions (which measured as the slowest part of
        // writing a booking). Like the digit-by-digit loop, only the low twenty digits are written.
        var (high, low) = UInt128.DivRem(_packed, Base36Pow12);
        WriteBase36(destination.Slice(Length - LowDigits, LowDigits), (ulong)low);
        WriteBase36(destination[..(Length - LowDigits)], (ulong)(high % Base36Pow8));
        charsWritten = Length;
        return true;
    }

    private static void WriteBase36(Span<char> destination, ulong value)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = Alphanumeric.DigitChar((int)(value % 36));
            value /= 36;
        }
    }

    /// <summary>The LEI text (empty for <c>default</c>).</summary>
    public override string ToString() =>
        IsDefault ? string.Empty : string.Create(Length, this, static (span, id) => id.TryFormat(span, out _));

    /// <inheritdoc/>
    public bool Equals(CounterpartyId other) => _packed == other._packed;

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is CounterpartyId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _packed.GetHashCode();

    /// <summary>Ordinal order of the LEI text.</summary>
    public int CompareTo(CounterpartyId other) => _packed.CompareTo(other._packed);

    /// <summary>Equality.</summary>
    public static bool operator ==(CounterpartyId left, CounterpartyId right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(CounterpartyId left, CounterpartyId right) => !left.Equals(right);

    /// <summary>Ordinal order.</summary>
    public static bool operator <(CounterpartyId left, CounterpartyId right) => left._packed < right._packed;

    /// <summary>Ordinal order.</summary>
    public static bool operator <=(CounterpartyId left, CounterpartyId right) => left._packed <= right._packed;

    /// <summary>Ordinal order.</summary>
    public static bool operator >(CounterpartyId left, CounterpartyId right) => left._packed > right._packed;

    /// <summary>Ordinal order.</summary>
    public static bool operator >=(CounterpartyId left, CounterpartyId right) => left._packed >= right._packed;

    // Returns null when valid, otherwise why not; the string constants do not allocate.
    private static string? Validate(ReadOnlySpan<char> lei, out CounterpartyId id)
    {
        id = default;
        if (lei.Length != Length)
        {
            return "an LEI is exactly 20 characters";
        }

        UInt128 packed = 0;
        for (var i = 0; i < Length; i++)
        {
            var digit = Alphanumeric.DigitValue(lei[i]);
            if (digit < 0)
            {
                return "an LEI holds only 0-9 and A-Z";
            }

            if (i >= 18 && digit > 9)
            {
                return "the last two characters of an LEI are check digits";
            }

            packed = (packed * 36) + (uint)digit;
        }

        if (Mod97(lei) != 1)
        {
            return "the ISO 7064 MOD 97-10 check digits do not match";
        }

        id = new CounterpartyId(packed);
        return null;
    }

    private static int Mod97(ReadOnlySpan<char> text)
    {
        var remainder = 0;
        foreach (var c in text)
        {
            var digit = Alphanumeric.DigitValue(c);
            remainder = digit < 10 ? ((remainder * 10) + digit) % 97 : ((remainder * 100) + digit) % 97;
        }

        return remainder;
    }
}
