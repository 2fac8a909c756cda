namespace TradeFlow.Domain.Time;

/// <summary>
/// The one source of "now". Recorded times come from an injected clock so that tests control
/// time and replays read time from events, never from the wall clock (STYLE.md, practice 5).
/// </summary>
public interface IClock
{
    /// <summary>The current instant, in UTC.</summary>
    DateTimeOffset UtcNow { get; }
}
