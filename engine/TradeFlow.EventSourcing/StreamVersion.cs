namespace TradeFlow.EventSourcing;

/// <summary>Named stream versions (0-based) used by reads and append results.</summary>
public static class StreamVersion
{
    /// <summary>The version of a stream that has no event yet.</summary>
    public const long None = -1;

    /// <summary>The first event of a stream.</summary>
    public const long Start = 0;

    /// <summary>The last event of a stream, whatever its version (for backward reads).</summary>
    public const long End = long.MaxValue;

    /// <summary>Formats a stream version for messages: "no stream" for <see cref="None"/>.</summary>
    public static string Describe(long version) =>
        version == None ? "no stream" : version.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
