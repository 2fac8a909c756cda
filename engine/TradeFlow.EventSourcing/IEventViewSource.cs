namespace TradeFlow.EventSourcing;

/// <summary>
/// A store that can hand its global log to a batch reader (replay, verify, rebuild) as views over its read buffer
/// instead of <see cref="RecordedEvent"/>s: same events, same order, same checks, no per-event envelope or payload
/// copy. Optional: a reader falls back to <see cref="IEventJournal.ReadAll"/> for a store without it.
/// </summary>
public interface IEventViewSource
{
    /// <summary>Calls <paramref name="handler"/> for each event from <paramref name="from"/> (inclusive) forwards, at most <paramref name="maxCount"/>; returns how many.</summary>
    /// <param name="from">The first global position.</param>
    /// <param name="maxCount">How many events at most.</param>
    /// <param name="handler">Called once per event, in position order, on the calling thread.</param>
    long ReadAllViews(GlobalPosition from, long maxCount, RecordedEventViewHandler handler);
}
