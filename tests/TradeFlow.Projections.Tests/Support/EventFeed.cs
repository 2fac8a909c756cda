using TradeFlow.Domain.Events;
using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.Serialization;
using TradeFlow.Projections.Runtime;

namespace TradeFlow.Projections.Tests.Support;

/// <summary>Turns a driver's events into envelopes as a store would: dense positions from 1, a recorded time a second apart.</summary>
public static class EventFeed
{
    public static readonly DateTimeOffset FirstRecorded = new(2025, 3, 14, 14, 30, 0, TimeSpan.Zero);

    public static List<ProjectionEvent> From(IEnumerable<ITradeEvent> events, DateTimeOffset? firstRecorded = null) =>
    [
        .. events.Select((evt, i) => new ProjectionEvent(GlobalPosition.FromInt64(i + 1),
            (firstRecorded ?? FirstRecorded).AddSeconds(i), evt.EffectiveTime, IdOf(i + 1), evt)),
    ];

    public static Guid IdOf(long position) => new((int)position, 0, 0, [0, 0, 0, 0, 0, 0, 0, 1]);


    /// <summary>Appends the events to a store, one stream per trade, one commit per event, numbered from <paramref name="firstIndex"/>.</summary>
    public static void AppendTo(IEventJournal journal, IEnumerable<ITradeEvent> events, int firstIndex = 1, DateTimeOffset? firstRecorded = null)
    {
        var factory = new EventDataFactory(TradeEventSerializer.Instance);
        var i = firstIndex - 1;
        foreach (var evt in events)
        {
            i++;
            var data = factory.Create(evt, new EventContext(IdOf(i), (firstRecorded ?? FirstRecorded).AddSeconds(i - 1), evt.EffectiveTime));
            var result = journal.AppendMultiple([new StreamAppend($"trade-{evt.TradeId}", ExpectedVersion.Any, [data])]);
            Assert.True(result.IsSuccess, $"append {i} failed: {result}");
        }
    }
}
