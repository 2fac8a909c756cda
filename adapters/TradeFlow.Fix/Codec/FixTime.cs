namespace TradeFlow.Fix.Codec;

/// <summary>Writes FIX date and time formats digit by digit (no format strings, no allocation).</summary>
internal static class FixTime
{
    /// <summary>The length of <c>yyyyMMdd-HH:mm:ss.fff</c>.</summary>
    public const int TimestampLength = 21;

    /// <summary>Writes <c>yyyyMMdd-HH:mm:ss.fff</c>; returns 21.</summary>
    public static int WriteTimestamp(Span<byte> span, DateTime value)
    {
        WriteDate(span, DateOnly.FromDateTime(value));
        span[8] = (byte)'-';
        Write2(span[9..], value.Hour);
        span[11] = (byte)':';
        Write2(span[12..], value.Minute);
        span[14] = (byte)':';
        Write2(span[15..], value.Second);
        span[17] = (byte)'.';
        var millis = value.Millisecond;
        span[18] = (byte)('0' + (millis / 100));
        Write2(span[19..], millis % 100);
        return TimestampLength;
    }

    /// <summary>Writes <c>yyyyMMdd</c>; returns 8.</summary>
    public static int WriteDate(Span<byte> span, DateOnly value)
    {
        Write2(span, value.Year / 100);
        Write2(span[2..], value.Year % 100);
        Write2(span[4..], value.Month);
        Write2(span[6..], value.Day);
        return 8;
    }

    private static void Write2(Span<byte> span, int value)
    {
        span[1] = (byte)('0' + (value % 10));
        span[0] = (byte)('0' + (value / 10));
    }
}
