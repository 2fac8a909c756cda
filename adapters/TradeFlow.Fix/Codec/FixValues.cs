using System.Buffers.Text;

namespace TradeFlow.Fix.Codec;

/// <summary>
/// Parsers for FIX value formats over bytes (Utf8Parser for numbers, hand-rolled for dates), shared by
/// the typed getters and the dictionary's data-format check so both agree on what is well-formed.
/// </summary>
internal static class FixValues
{
    public static bool TryParseInt(ReadOnlySpan<byte> bytes, out int value) =>
        Utf8Parser.TryParse(bytes, out value, out var consumed) && consumed == bytes.Length && !HasPlus(bytes);

    public static bool TryParseLong(ReadOnlySpan<byte> bytes, out long value) =>
        Utf8Parser.TryParse(bytes, out value, out var consumed) && consumed == bytes.Length && !HasPlus(bytes);

    /// <summary>FIX float: optional '-', digits, optional '.' and digits; no exponent, no '+'.</summary>
    public static bool TryParseDecimal(ReadOnlySpan<byte> bytes, out decimal value) =>
        Utf8Parser.TryParse(bytes, out value, out var consumed, 'F') && consumed == bytes.Length && !HasPlus(bytes);

    public static bool TryParseChar(ReadOnlySpan<byte> bytes, out char value)
    {
        value = bytes.Length == 1 ? (char)bytes[0] : default;
        return bytes.Length == 1 && bytes[0] > 0x20 && bytes[0] < 0x7F;
    }

    public static bool TryParseBool(ReadOnlySpan<byte> bytes, out bool value)
    {
        value = bytes.Length == 1 && bytes[0] == (byte)'Y';
        return bytes.Length == 1 && bytes[0] is (byte)'Y' or (byte)'N';
    }

    public static bool TryParseDate(ReadOnlySpan<byte> bytes, out DateOnly value)
    {
        value = default;
        if (bytes.Length != 8 || !TryDigits(bytes[..4], out var year) || !TryDigits(bytes.Slice(4, 2), out var month)
            || !TryDigits(bytes.Slice(6, 2), out var day))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        value = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>yyyyMMdd-HH:mm:ss[.fff|.ffffff|.fffffffff]; nanoseconds are truncated to ticks.</summary>
    public static bool TryParseUtcTimestamp(ReadOnlySpan<byte> bytes, out DateTime value)
    {
        value = default;
        if (!TryParseTimestampParts(bytes, out var date, out var seconds, out var ticks) || IsLeapSecond(bytes))
        {
            return false;
        }

        value = new DateTime(date, TimeOnly.MinValue, DateTimeKind.Utc).AddTicks(seconds * TimeSpan.TicksPerSecond + ticks);
        return true;
    }

    /// <summary>UTCTimestamp format check; allows the leap second 60, which the spec permits and DateTime cannot hold.</summary>
    public static bool IsUtcTimestamp(ReadOnlySpan<byte> bytes) => TryParseTimestampParts(bytes, out _, out _, out _);

    /// <summary>UTCTimeOnly: HH:mm:ss[.fff|.ffffff|.fffffffff].</summary>
    public static bool IsUtcTimeOnly(ReadOnlySpan<byte> bytes) => TryParseTimeParts(bytes, out _, out _);

    /// <summary>MonthYear: yyyyMM, optionally followed by a day (dd) or a week (w1..w5).</summary>
    public static bool IsMonthYear(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 6 || !TryDigits(bytes[..4], out _) || !TryDigits(bytes.Slice(4, 2), out var month)
            || month is < 1 or > 12)
        {
            return false;
        }

        var rest = bytes[6..];
        return rest.Length == 0
            || (rest.Length == 2 && TryDigits(rest, out var day) && day is >= 1 and <= 31)
            || (rest.Length == 2 && rest[0] == (byte)'w' && rest[1] is >= (byte)'1' and <= (byte)'5');
    }

    private static bool TryParseTimestampParts(ReadOnlySpan<byte> bytes, out DateOnly date, out int seconds, out long ticks)
    {
        seconds = 0;
        ticks = 0;
        date = default;
        return bytes.Length >= 17 && bytes[8] == (byte)'-' && TryParseDate(bytes[..8], out date)
            && TryParseTimeParts(bytes[9..], out seconds, out ticks);
    }

    private static bool TryParseTimeParts(ReadOnlySpan<byte> bytes, out int seconds, out long ticks)
    {
        seconds = 0;
        ticks = 0;
        if (bytes.Length < 8 || bytes[2] != (byte)':' || bytes[5] != (byte)':'
            || !TryDigits(bytes[..2], out var h) || !TryDigits(bytes.Slice(3, 2), out var m)
            || !TryDigits(bytes.Slice(6, 2), out var s) || h > 23 || m > 59 || s > 60)
        {
            return false;
        }

        seconds = (h * 3600) + (m * 60) + s;
        if (bytes.Length == 8)
        {
            return true;
        }

        var fraction = bytes[9..];
        if (bytes[8] != (byte)'.' || fraction.Length is not (3 or 6 or 9) || !TryDigits(fraction, out var digits))
        {
            return false;
        }

        // Scale the fraction to 100 ns ticks: .fff * 10^4, .ffffff * 10, .fffffffff / 100 (truncated).
        ticks = fraction.Length switch { 3 => digits * 10_000L, 6 => digits * 10L, _ => digits / 100L };
        return true;
    }

    private static bool IsLeapSecond(ReadOnlySpan<byte> timestamp) => timestamp[15] == (byte)'6';

    private static bool TryDigits(ReadOnlySpan<byte> bytes, out int value)
    {
        value = 0;
        foreach (var b in bytes)
        {
            var digit = b - (byte)'0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return bytes.Length > 0;
    }

    private static bool HasPlus(ReadOnlySpan<byte> bytes) => bytes.Length > 0 && bytes[0] == (byte)'+';
}
