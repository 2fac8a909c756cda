using System.Text;

namespace TradeFlow.Fix.Codec;

/// <summary>Byte/string conversions at the edge of the codec. FIX text is treated as UTF-8 both ways.</summary>
internal static class FixAscii
{
    /// <summary>The field delimiter SOH (0x01).</summary>
    public const byte Soh = 0x01;

    public static string ToString(ReadOnlySpan<byte> bytes) => bytes.IsEmpty ? string.Empty : Encoding.UTF8.GetString(bytes);

    public static bool EqualsAscii(ReadOnlySpan<byte> bytes, string text)
    {
        if (bytes.Length != text.Length)
        {
            return false;
        }

        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != text[i])
            {
                return false;
            }
        }

        return true;
    }
}
