namespace TradeFlow.Projections.Accounting.Kept;

/// <summary>
/// A decimal amount as a scaled <see cref="long"/> and its scale, when it is exactly one: a <see cref="decimal"/> is
/// 16 bytes (a 96-bit mantissa, a sign and a scale), but posting amounts are minor units of a currency — mantissas far
/// inside 63 bits at a scale of 0–4. The decimal made back is the very one packed, bit for bit: value, scale (a state
/// writes <c>-5000000.00</c> and <c>-5000000</c> differently) and sign (a negative zero is refused, as a <c>long</c>
/// has none); anything else is refused, and the caller keeps that amount as a <see cref="decimal"/>.
/// </summary>
internal static class ScaledAmount
{
    private const int SignBit = unchecked((int)0x8000_0000);

    /// <summary>Packs <paramref name="amount"/> when its mantissa fits 63 bits and it is not a negative zero.</summary>
    public static bool TryPack(decimal amount, out long units, out byte scale)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(amount, bits);
        var mantissa = (uint)bits[0] | ((ulong)(uint)bits[1] << 32);
        var negative = (bits[3] & SignBit) != 0;
        scale = (byte)(bits[3] >> 16);
        if (bits[2] != 0 || mantissa > long.MaxValue || (negative && mantissa == 0))
        {
            units = 0;
            return false;
        }

        units = negative ? -(long)mantissa : (long)mantissa;
        return true;
    }

    /// <summary>The decimal <see cref="TryPack"/> packed into <paramref name="units"/> and <paramref name="scale"/>.</summary>
    public static decimal Unpack(long units, byte scale)
    {
        // units is never long.MinValue (TryPack's mantissa is at most long.MaxValue), so its magnitude is exact.
        var magnitude = (ulong)Math.Abs(units);
        return new decimal((int)magnitude, (int)(magnitude >> 32), 0, units < 0, scale);
    }
}
