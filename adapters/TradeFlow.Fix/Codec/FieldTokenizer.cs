namespace TradeFlow.Fix.Codec;

/// <summary>
/// Splits a framed message into <see cref="FixField"/> positions. A data field (RawData 96, Signature 89,
/// ...) may contain SOH, so its length comes from the length field just before it, as FIX requires.
/// </summary>
internal static class FieldTokenizer
{
    private const int MaxTagDigits = 9;

    /// <summary>Adds every field of <paramref name="frame"/> to <paramref name="message"/>; returns the offset of the first malformed field, or -1.</summary>
    public static int Tokenize(ReadOnlySpan<byte> frame, FixMessage message)
    {
        var position = 0;
        var dataTag = 0;
        var dataLength = 0;
        while (position < frame.Length)
        {
            var fieldStart = position;
            if (!TryReadTag(frame, ref position, out var tag))
            {
                return fieldStart;
            }

            var rest = frame[position..];
            var length = tag == dataTag && dataLength >= 0 && dataLength < rest.Length && rest[dataLength] == FixAscii.Soh
                ? dataLength
                : rest.IndexOf(FixAscii.Soh);
            if (length < 0)
            {
                return fieldStart;
            }

            message.AddField(tag, position, length);
            dataTag = DataTagFor(tag);
            dataLength = dataTag != 0 && FixValues.TryParseInt(rest[..length], out var n) ? n : -1;
            position += length + 1;
        }

        return -1;
    }

    private static bool TryReadTag(ReadOnlySpan<byte> frame, ref int position, out int tag)
    {
        tag = 0;
        var start = position;
        while (position < frame.Length)
        {
            var b = frame[position];
            if (b == (byte)'=')
            {
                var digits = position - start;
                position++;
                return digits is > 0 and <= MaxTagDigits && tag > 0;
            }

            var digit = b - (byte)'0';
            if ((uint)digit > 9)
            {
                return false;
            }

            tag = (tag * 10) + digit;
            position++;
        }

        return false;
    }

    /// <summary>The data field whose length <paramref name="lengthTag"/> gives, or 0 (FIX 4.4's Length/data pairs).</summary>
    internal static int DataTagFor(int lengthTag) => lengthTag switch
    {
        90 => 91,
        93 => 89,
        95 => 96,
        212 => 213,
        348 => 349,
        350 => 351,
        352 => 353,
        354 => 355,
        356 => 357,
        360 => 361,
        362 => 363,
        364 => 365,
        445 => 446,
        618 => 619,
        621 => 622,
        _ => 0,
    };
}
