namespace TradeFlow.Domain.Internal;

/// <summary>
/// Base-36 digit helpers shared by the LEI and ISIN codes, whose check-digit schemes both
/// read letters as two-digit numbers (A = 10 ... Z = 35).
/// </summary>
internal static class Alphanumeric
{
    /// <summary>Returns 0-9 for '0'-'9', 10-35 for 'A'-'Z', or -1 for anything else (lower case included).</summary>
    public static int DigitValue(char c)
    {
        if (c is >= '0' and <= '9')
        {
            return c - '0';
        }

        return c is >= 'A' and <= 'Z' ? c - 'A' + 10 : -1;
    }

    /// <summary>The character for a base-36 digit value.</summary>
    public static char DigitChar(int value) => (char)(value < 10 ? '0' + value : 'A' + value - 10);

    /// <summary>True when every character is 0-9 or A-Z.</summary>
    public static bool IsUpperAlphanumeric(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (DigitValue(c) < 0)
            {
                return false;
            }
        }

        return true;
    }
}
