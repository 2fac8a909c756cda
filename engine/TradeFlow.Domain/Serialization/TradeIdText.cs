using System.Runtime.CompilerServices;
using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Serialization;

/// <summary>
/// <see cref="TradeId.TryParse(ReadOnlySpan{char}, out TradeId)"/>'s verdict read straight from the payload's ASCII
/// bytes ('T' and twelve digits, not all zero): every event carries a trade id, each a different one, so it cannot be
/// remembered, and widening it to characters for the parser was the commonest parse of the check.
/// </summary>
internal static class TradeIdText
{
    /// <summary>True exactly when <see cref="TradeId.TryParse(ReadOnlySpan{char}, out TradeId)"/> accepts the bytes as characters.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsValid(ReadOnlySpan<byte> text)
    {
        if (text.Length != TradeId.TextLength || text[0] != 'T')
        {
            return false;
        }

        var nonZero = false;
        for (var i = 1; i < TradeId.TextLength; i++)
        {
            var digit = unchecked((uint)(text[i] - '0'));
            if (digit > 9)
            {
                return false;
            }

            nonZero |= digit != 0;
        }

        return nonZero;
    }
}
