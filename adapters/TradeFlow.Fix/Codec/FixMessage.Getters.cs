namespace TradeFlow.Fix.Codec;

public sealed partial class FixMessage
{
    /// <summary>The value of the first field <paramref name="tag"/>; false when absent.</summary>
    public bool TryGetValue(int tag, out ReadOnlySpan<byte> value)
    {
        var index = IndexOf(tag);
        if (index < 0)
        {
            value = default;
            return false;
        }

        value = ValueAt(index);
        return true;
    }

    /// <summary>The first field <paramref name="tag"/> as an int; false when absent or not an integer.</summary>
    public bool TryGetInt(int tag, out int value)
    {
        value = 0;
        return TryGetValue(tag, out var bytes) && FixValues.TryParseInt(bytes, out value);
    }

    /// <summary>The first field <paramref name="tag"/> as a long; false when absent or not an integer.</summary>
    public bool TryGetLong(int tag, out long value)
    {
        value = 0;
        return TryGetValue(tag, out var bytes) && FixValues.TryParseLong(bytes, out value);
    }

    /// <summary>The first field <paramref name="tag"/> as a decimal (FIX float: no exponent); false when absent or malformed.</summary>
    public bool TryGetDecimal(int tag, out decimal value)
    {
        value = 0;
        return TryGetValue(tag, out var bytes) && FixValues.TryParseDecimal(bytes, out value);
    }

    /// <summary>The first field <paramref name="tag"/> as a single character; false when absent or not one byte.</summary>
    public bool TryGetChar(int tag, out char value)
    {
        value = default;
        return TryGetValue(tag, out var bytes) && FixValues.TryParseChar(bytes, out value);
    }

    /// <summary>The first field <paramref name="tag"/> as a FIX Boolean (Y/N); false when absent or neither.</summary>
    public bool TryGetBool(int tag, out bool value)
    {
        value = false;
        return TryGetValue(tag, out var bytes) && FixValues.TryParseBool(bytes, out value);
    }

    /// <summary>
    /// The first field <paramref name="tag"/> as a UTCTimestamp (<c>yyyyMMdd-HH:mm:ss</c> with optional
    /// <c>.fff</c>, <c>.ffffff</c> or <c>.fffffffff</c>), kind UTC; false when absent or malformed.
    /// </summary>
    public bool TryGetUtcTimestamp(int tag, out DateTime value)
    {
        value = default;
        return TryGetValue(tag, out var bytes) && FixValues.TryParseUtcTimestamp(bytes, out value);
    }

    /// <summary>The first field <paramref name="tag"/> as a UTCDateOnly or LocalMktDate (<c>yyyyMMdd</c>).</summary>
    public bool TryGetUtcDate(int tag, out DateOnly value)
    {
        value = default;
        return TryGetValue(tag, out var bytes) && FixValues.TryParseDate(bytes, out value);
    }

    /// <summary>
    /// The first field <paramref name="tag"/> as a string (UTF-8), or null when absent. Allocates: for the
    /// application layer, not the session's hot path.
    /// </summary>
    public string? GetString(int tag) => TryGetValue(tag, out var bytes) ? FixAscii.ToString(bytes) : null;
}
