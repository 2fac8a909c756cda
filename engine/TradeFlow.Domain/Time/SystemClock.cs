namespace TradeFlow.Domain.Time;

/// <summary>The wall clock. The only place in the domain that reads <see cref="DateTimeOffset.UtcNow"/>.</summary>
public sealed class SystemClock : IClock
{
    private SystemClock()
    {
    }

    /// <summary>The single instance.</summary>
    public static SystemClock Instance { get; } = new();

    /// <inheritdoc/>
    public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;
}
