using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Tests.Values;

/// <summary>
/// <see cref="InstrumentId.TryParse(ReadOnlySpan{char}, out InstrumentId)"/> as it was before verify10, kept as the
/// reference the allocation-free parse is held to: an FX pair was built through the public
/// <see cref="InstrumentId.FxPair"/>, whose same-currency message was formatted (a string) on every call; the ISIN
/// branch did not change. The value is given as what a caller can observe: its text, and for a pair its currencies.
/// </summary>
internal static class LegacyInstrumentIdParse
{
    public static (bool Ok, bool IsFxPair, Currency Base, Currency Quote, string Text) Parse(string text)
    {
        if (text.Length == 7 && text[3] == '/')
        {
            if (!Currency.TryParse(text.AsSpan(0, 3), out var b) || !Currency.TryParse(text.AsSpan(4), out var q))
            {
                return default;
            }

            if (b == q)
            {
                return default;
            }

            // The old FxPair's own checks, message included: it threw on none of these inputs.
            var message = $"An FX pair needs two different currencies, not {b}/{q}.";
            return message.Length > 0 ? (true, true, b, q, $"{b}/{q}") : default;
        }

        return IsValidIsin(text) ? (true, false, default, default, text) : default;
    }

    private static bool IsValidIsin(string isin)
    {
        if (isin.Length != InstrumentId.IsinLength || !char.IsAsciiLetterUpper(isin[0]) || !char.IsAsciiLetterUpper(isin[1]))
        {
            return false;
        }

        if (!isin.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)) || !char.IsAsciiDigit(isin[11]))
        {
            return false;
        }

        return InstrumentId.ComputeIsinCheckDigit(isin[..11]) == isin[11];
    }
}
