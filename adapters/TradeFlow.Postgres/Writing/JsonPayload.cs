using System.Text;
using System.Text.Json;

namespace TradeFlow.Postgres.Writing;

/// <summary>
/// Decides whether a payload also goes into the queryable <c>jsonb</c> column. The exact bytes are always kept
/// in <c>payload</c>; this copy is for SQL reporting, so anything PostgreSQL's jsonb might refuse is left out
/// (NULL) rather than risking the append: the contract lets payloads be arbitrary bytes.
/// </summary>
internal static class JsonPayload
{
    /// <summary>The payload as jsonb text, or null when it is not JSON that jsonb is sure to accept.</summary>
    public static string? ToJsonb(ReadOnlySpan<byte> utf8) => IsJsonbSafe(utf8) ? Encoding.UTF8.GetString(utf8) : null;

    /// <summary>True when the payload is JSON that jsonb is sure to accept (no BOM, no escape jsonb refuses, no number beyond numeric's range).</summary>
    public static bool IsJsonbSafe(ReadOnlySpan<byte> utf8) =>
        !utf8.IsEmpty && utf8[0] != 0xEF && !HasEscapeJsonbRefuses(utf8) && IsJson(utf8);

    private static bool IsJson(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8);
            var any = false;
            while (reader.Read())
            {
                any = true;
                if (reader.TokenType == JsonTokenType.Number && !FitsNumeric(reader.ValueSpan))
                {
                    return false;
                }
            }

            return any && reader.BytesConsumed == utf8.Length;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    // jsonb stores numbers as numeric, which refuses an exponent beyond its range ("value overflows numeric format"
    // for 1e1000000) although JSON allows it. Conservative: a number longer than 1,000 bytes or with an exponent of
    // more than three digits skips the jsonb copy (numeric itself goes to 131,072 digits before the point).
    private static bool FitsNumeric(ReadOnlySpan<byte> number)
    {
        if (number.Length > 1000)
        {
            return false;
        }

        var e = number.IndexOfAny((byte)'e', (byte)'E');
        if (e < 0)
        {
            return true;
        }

        var exponent = number[(e + 1)..];
        if (!exponent.IsEmpty && exponent[0] is (byte)'+' or (byte)'-')
        {
            exponent = exponent[1..];
        }

        return exponent.TrimStart((byte)'0').Length <= 3;
    }

    // jsonb refuses \u0000 and escaped surrogate halves (in a UTF-8 database); a JSON reader accepts both.
    // Conservative: any such escape sequence (even one preceded by an escaped backslash) skips the jsonb copy.
    private static bool HasEscapeJsonbRefuses(ReadOnlySpan<byte> utf8)
    {
        var at = utf8.IndexOf("\\u"u8);
        while (at >= 0 && at + 6 <= utf8.Length)
        {
            var hex = utf8.Slice(at + 2, 4);
            if (hex.SequenceEqual("0000"u8) || ((hex[0] | 0x20) == 'd' && IsSurrogateSecondDigit(hex[1])))
            {
                return true;
            }

            var next = utf8[(at + 2)..].IndexOf("\\u"u8);
            at = next < 0 ? -1 : at + 2 + next;
        }

        return false;
    }

    private static bool IsSurrogateSecondDigit(byte b) => b is (byte)'8' or (byte)'9' || (b | 0x20) is >= (byte)'a' and <= (byte)'f';
}
