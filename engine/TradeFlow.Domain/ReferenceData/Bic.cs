namespace TradeFlow.Domain.ReferenceData;

/// <summary>Business Identifier Code (ISO 9362) format check.</summary>
public static class Bic
{
    /// <summary>
    /// True for 8 or 11 characters: 4 letters (institution), 2 letters (country), 2 alphanumerics
    /// (location), optionally 3 alphanumerics (branch).
    /// </summary>
    public static bool IsValid(string? bic)
    {
        if (bic is null || (bic.Length != 8 && bic.Length != 11))
        {
            return false;
        }

        for (var i = 0; i < bic.Length; i++)
        {
            var c = bic[i];
            var ok = i < 6 ? char.IsAsciiLetterUpper(c) : char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
