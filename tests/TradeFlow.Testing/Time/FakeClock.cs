using TradeFlow.Domain.Time;

namespace TradeFlow.Testing.Time;

/// <summary>A clock tests set and advance by hand. Thread-safe: the instant is one Interlocked long.</summary>
public sealed class FakeClock : IClock
{
    private long _utcTicks;

    /// <summary>Starts at <paramref name="start"/> (converted to UTC).</summary>
    public FakeClock(DateTimeOffset start) => _utcTicks = start.UtcTicks;

    /// <summary>Starts at 2025-03-14 09:30:00 UTC, a Friday trading morning.</summary>
    public FakeClock()
        : this(new DateTimeOffset(2025, 3, 14, 9, 30, 0, TimeSpan.Zero))
    {
    }

    /// <inheritdoc/>
    public DateTimeOffset UtcNow => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    /// <summary>Sets the current instant.</summary>
    public void Set(DateTimeOffset instant) => Interlocked.Exchange(ref _utcTicks, instant.UtcTicks);

    /// <summary>Moves time forward (or back, with a negative span) and returns the new instant.</summary>
    public DateTimeOffset Advance(TimeSpan by) => new(Interlocked.Add(ref _utcTicks, by.Ticks), TimeSpan.Zero);
}
