namespace TradeFlow.Domain.Internal;

/// <summary>
/// Packs a short code (1-12 characters of A-Z, 0-9, '-' and '_') into a <see cref="ulong"/>:
/// base 39 with 0 as right padding, 39^12 &lt; 2^64. The symbol values follow ASCII order, so
/// numeric order equals ordinal text order and ids hash and compare as one integer.
/// </summary>
internal static class ShortCode
{
    public const int MaxLength = 12;
    private const int Radix = 39;

    public static string? TryPack(ReadOnlySpan<char> text, out ulong packed)
    {
        packed = 0;
        if (text.IsEmpty || text.Length > MaxLength)
        {
            return "a code is 1 to 12 characters";
        }

        for (var i = 0; i < MaxLength; i++)
        {
            var symbol = 0;
            if (i < text.Length)
            {
                symbol = SymbolOf(text[i]);
                if (symbol == 0)
                {
                    return "a code holds only A-Z, 0-9, '-' and '_'";
                }
            }

            packed = (packed * Radix) + (ulong)symbol;
        }

        return null;
    }

    public static string Unpack(ulong packed)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        var length = Format(packed, buffer);
        return new string(buffer[..length]);
    }

    public static int Format(ulong packed, Span<char> destination)
    {
        Span<char> all = stackalloc char[MaxLength];
        var length = 0;
        for (var i = MaxLength - 1; i >= 0; i--)
        {
            var symbol = (int)(packed % Radix);
            packed /= Radix;
            all[i] = CharOf(symbol);
            if (symbol != 0 && length == 0)
            {
                length = i + 1;
            }
        }

        all[..length].CopyTo(destination);
        return length;
    }

    private static int SymbolOf(char c) => c switch
    {
        '-' => 1,
        >= '0' and <= '9' => c - '0' + 2,
        >= 'A' and <= 'Z' => c - 'A' + 12,
        '_' => 38,
        _ => 0,
    };

    private static char CharOf(int symbol) => symbol switch
    {
        0 => '\0',
        1 => '-',
        <= 11 => (char)('0' + symbol - 2),
        <= 37 => (char)('A' + symbol - 12),
        _ => '_',
    };
}
