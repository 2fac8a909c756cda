using System.Diagnostics.CodeAnalysis;
using TradeFlow.Domain.Internal;

namespace TradeFlow.Domain.Values;

/// <summary>
/// The short code of a trading book, e.g. <c>FX-SPOT-LDN</c>: 1-12 characters of A-Z, 0-9, '-' and '_'.
/// Books own positions and P&amp;L; the engine keys exposure by book. Packed into one <see cref="ulong"/>, so equality and hashing are one integer operation.
/// </summary>
public readonly struct BookId : IEquatable<BookId>, IComparable<BookId>
{
    /// <summary>Longest code accepted.</summary>
    public const int MaxLength = ShortCode.MaxLength;

    private readonly ulong _packed;

    private BookId(ulong packed) => _packed = packed;

    /// <summary>True for <c>default(BookId)</c>, which no factory returns.</summary>
    public bool IsDefault => _packed == 0;

    /// <summary>Parses and validates a book code.</summary>
    /// <exception cref="FormatException">Empty, too long or with a character outside A-Z, 0-9, '-', '_'.</exception>
    public static BookId Parse(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var error = ShortCode.TryPack(code, out var packed);
        if (error is not null)
        {
            Preconditions.ThrowFormat("book code", code, error);
        }

        return new BookId(packed);
    }

    /// <summary>Tries to parse a book code without allocating.</summary>
    public static bool TryParse(ReadOnlySpan<char> code, out BookId id)
    {
        var ok = ShortCode.TryPack(code, out var packed) is null;
        id = ok ? new BookId(packed) : default;
        return ok;
    }

    /// <summary>Writes the code into <paramref name="destination"/> without allocating.</summary>
    public bool TryFormat(Span<char> destination, out int charsWritten)
    {
        charsWritten = 0;
        if (IsDefault || destination.Length < MaxLength)
        {
            return false;
        }

        charsWritten = ShortCode.Format(_packed, destination);
        return true;
    }

    /// <summary>The code (empty for <c>default</c>).</summary>
    public override string ToString() => ShortCode.Unpack(_packed);

    /// <inheritdoc/>
    public bool Equals(BookId other) => _packed == other._packed;

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is BookId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _packed.GetHashCode();

    /// <summary>Ordinal order of the code.</summary>
    public int CompareTo(BookId other) => _packed.CompareTo(other._packed);

    /// <summary>Equality.</summary>
    public static bool operator ==(BookId left, BookId right) => left._packed == right._packed;

    /// <summary>Inequality.</summary>
    public static bool operator !=(BookId left, BookId right) => left._packed != right._packed;

    /// <summary>Ordinal order.</summary>
    public static bool operator <(BookId left, BookId right) => left._packed < right._packed;

    /// <summary>Ordinal order.</summary>
    public static bool operator <=(BookId left, BookId right) => left._packed <= right._packed;

    /// <summary>Ordinal order.</summary>
    public static bool operator >(BookId left, BookId right) => left._packed > right._packed;

    /// <summary>Ordinal order.</summary>
    public static bool operator >=(BookId left, BookId right) => left._packed >= right._packed;
}
