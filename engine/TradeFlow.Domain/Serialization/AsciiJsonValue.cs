using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Serialization;

/// <summary>
/// Writes the event values that do not repeat (trade ids, quantities, prices, amounts) straight to UTF-8 as a JSON
/// string: decimals through their UTF-8 formatter, ids' characters narrowed to bytes, then one raw copy. The
/// converters format to chars and the writer transcodes and scans them for escapes; these values are ASCII that the
/// default encoder never escapes, which is checked here, so the bytes are the converters' own (a property test
/// compares whole events with the generated serializer). Anything else returns false and goes to the converter.
/// </summary>
internal static class AsciiJsonValue
{
    // Longest value written here: a decimal (at most 31 characters), a space, a currency, two quotes.
    private const int MaxBytes = 48;

    /// <summary>Writes <paramref name="text"/> as a JSON string, or returns false (having written nothing) when a character would need escaping.</summary>
    public static bool TryWriteString(Utf8JsonWriter writer, ReadOnlySpan<char> text)
    {
        Span<byte> utf8 = stackalloc byte[MaxBytes];
        if (text.Length > MaxBytes - 2 || !TryNarrow(text, utf8[1..]))
        {
            return false;
        }

        return WriteQuoted(writer, utf8, text.Length);
    }

    /// <summary>Writes a decimal as the converters do (invariant, as a JSON string).</summary>
    public static bool TryWriteDecimal(Utf8JsonWriter writer, decimal value)
    {
        Span<byte> utf8 = stackalloc byte[MaxBytes];
        return value.TryFormat(utf8[1..], out var length, default, CultureInfo.InvariantCulture)
            && WriteQuoted(writer, utf8, length);
    }

    /// <summary>Writes "amount CCY" as <c>MoneyJsonConverter</c> does, or returns false for a money it would refuse.</summary>
    public static bool TryWriteMoney(Utf8JsonWriter writer, Money value)
    {
        Span<byte> utf8 = stackalloc byte[MaxBytes];
        Span<char> currency = stackalloc char[3];
        if (!value.Currency.TryFormat(currency, out _)
            || !value.Amount.TryFormat(utf8[1..], out var length, default, CultureInfo.InvariantCulture)
            || length + 6 > MaxBytes)
        {
            return false;
        }

        utf8[length + 1] = (byte)' ';
        return TryNarrow(currency, utf8[(length + 2)..]) && WriteQuoted(writer, utf8, length + 4);
    }

    // utf8[0] and utf8[length + 1] are the quotes around the length bytes already at utf8[1..].
    private static bool WriteQuoted(Utf8JsonWriter writer, Span<byte> utf8, int length)
    {
        utf8[0] = (byte)'"';
        utf8[length + 1] = (byte)'"';
        writer.WriteRawValue(utf8[..(length + 2)], skipInputValidation: true);
        return true;
    }

    // Ids, dates and decimals are letters, digits and a little punctuation, all kept as is by the default encoder:
    // one vectorised check of the whole text, then a plain narrowing.
    private static bool TryNarrow(ReadOnlySpan<char> text, Span<byte> destination) =>
        !text.ContainsAnyExcept(UnescapedAscii.Chars) && Ascii.FromUtf16(text, destination, out _) == OperationStatus.Done;
}
