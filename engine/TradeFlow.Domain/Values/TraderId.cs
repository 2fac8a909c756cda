using System.Diagnostics.CodeAnalysis;
using TradeFlow.Domain.Internal;

namespace TradeFlow.Domain.Values;

/// <summary>
/// The short code of a trader, e.g. <c>JSMITH</c>: 1-12 characters of A-Z, 0-9, '-' and '_'.
/// Mandates are checked per trader on every booking. Packed into one <see cref="ulong"/>, so equality and hashing are one integer operation.
/// </summary>
public readonly struct TraderId : IEquatable<TraderId>, IComparable<TraderId>
{
    /// <summary>Longest code accepted.</summary>
    public const int MaxLength = ShortCode.MaxLength;

    private readonly ulong _packed;

    private TraderId(ulong packed) => _packed = packed;

    /// <summary>True for <c>default(TraderId)</c>, which no factory returns.</summary>
    public bool IsDefault => _packed == 0;

    /// <summary>Parses and validates a trader code.</summary>
    /// <exception cref="FormatException">Empty, too long or with a character outside A-Z, 0-9, '-', '_'.</exception>
    public static TraderId Parse(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var error = ShortCode.TryPack(code, out var packed);
        if (error is not null)
        {
            Preconditions.ThrowFormat("trader code", code, error);
        }

        return new TraderId(packed);
    }

    /// <summary>Tries to parse a trader code without allocating.</summary>
    public static bool TryParse(ReadOnlySpan<char> code, out TraderId id)
    {
        var ok = ShortCode.TryPack(code, out var packed) is null;
        id = ok ? new TraderId(packed) : default;
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
    public bool Equals(TraderId other) => _packed == other._packed;

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is TraderId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _packed.GetHashCode();

    /// <summary>Ordinal order of the code.</summary>
    public int CompareTo(TraderId other) => _packed.CompareTo(other._packed);

    /// <summary>Equality.</summary>
    public static bool operator ==(TraderId left, TraderId right) => left._packed == right._packed;

    /// <summary>Inequality.</summary>
    public static bool operator !=(TraderId left, TraderId right) => left._packed != right._packed;

    /// <summary>Ordinal order.</summary>
    public static bool operator <(TraderId left, TraderId right) => left._packed < right._packed;

    /// <summary>Ordinal order.</summary>
    public static bool operator <=(TraderId left, TraderId right) => left._packed <= right._packed;

    /// <summary>Ordinal order.</summary>
    public static bool operator >(TraderId left, TraderId right) => left._packed > right._packed;

    /// <summary>Ordinal order.</summary>
    public static bool operator >=(TraderId left, TraderId right) => left._packed >= right._packed;
}
