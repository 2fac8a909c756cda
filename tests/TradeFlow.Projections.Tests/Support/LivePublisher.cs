using TradeFlow.Domain.Events;
using TradeFlow.EventSourcing;
using TradeFlow.Projections.Runtime;

namespace TradeFlow.Projections.Tests.Support;

/// <summary>
/// Plays the engine's journal and publish stages for a daemon's tests: each event is appended to the store first
/// (durable, readable) and only then offered to the feed, with the envelope the store recorded and the event object
/// itself (not read back), as the publish stage does.
/// </summary>
public sealed class LivePublisher(IEventJournal store, LiveProjectionFeed feed, int firstIndex = 1)
{
    private int _next = firstIndex;

    /// <summary>Appends and offers each event; returns how many the feed dropped.</summary>
    public int Publish(IEnumerable<ITradeEvent> events)
    {
        var dropped = 0;
        foreach (var evt in events)
        {
            var recorded = Append(evt);
            dropped += feed.Offer(ProjectionEvent.From(recorded, evt)) ? 0 : 1;
            feed.Notify();
        }

        return dropped;
    }

    /// <summary>Appends without offering: another writer the engine does not know, which leaves the feed a gap.</summary>
    public void AppendOnly(IEnumerable<ITradeEvent> events)
    {
        foreach (var evt in events)
        {
            Append(evt);
        }
    }

    private RecordedEvent Append(ITradeEvent evt)
    {
        EventFeed.AppendTo(store, [evt], _next++);
        return store.ReadAll(store.HeadPosition, Direction.Forwards, 1).Single();
    }
}
