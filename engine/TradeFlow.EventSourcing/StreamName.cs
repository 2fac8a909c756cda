namespace TradeFlow.EventSourcing;

/// <summary>
/// Validation of stream ids such as <c>trade-T000000000042</c>: non-empty, no control characters,
/// at most <see cref="MaxLength"/> characters (so every backend can index them and the journal can
/// length-prefix them in 16 bits).
/// </summary>
public static class StreamName
{
    /// <summary>The longest stream id accepted, in UTF-16 characters.</summary>
    public const int MaxLength = 256;

    /// <summary>True when <paramref name="stream"/> is a valid stream id.</summary>
    public static bool IsValid(string? stream)
    {
        if (string.IsNullOrEmpty(stream) || stream.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in stream)
        {
            if (char.IsControl(c) || char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming <paramref name="paramName"/> when the id is invalid.</summary>
    public static void Validate(string? stream, string paramName = "stream")
    {
        if (!IsValid(stream))
        {
            ThrowInvalid(stream, paramName);
        }
    }

    private static void ThrowInvalid(string? stream, string paramName) =>
        throw new ArgumentException(
            $"Invalid stream id '{stream}': it must be 1..{MaxLength} characters with no control or surrogate characters.",
            paramName);
}
