using System.Runtime.CompilerServices;
using TradeFlow.Domain.Events;
using TradeFlow.Domain.Serialization;
using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.Serialization;

namespace TradeFlow.Projections.Runtime;

/// <summary>
/// Turns stored envelopes into <see cref="ProjectionEvent"/>s through the domain's serializer
/// (so old schema versions are upcast on the way in, never rewritten).
/// </summary>
public static class ProjectionEvents
{
    /// <summary>
    /// Deserializes a recorded event. False for an envelope that is not a trade event (an admin or
    /// foreign type): projections skip it but still move their checkpoint past it.
    /// </summary>
    public static bool TryRead(RecordedEvent recorded, out ProjectionEvent projectionEvent)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        if (!DomainEventRegistry.CanRead(recorded.Type, recorded.SchemaVersion))
        {
            projectionEvent = default;
            return false;
        }

        var evt = (ITradeEvent)TradeEventSerializer.Instance.Deserialize(recorded.Type, recorded.SchemaVersion, recorded.Payload.Span);
        projectionEvent = ProjectionEvent.From(recorded, evt);
        return true;
    }

    /// <summary>
    /// Deserializes an event seen in place (<see cref="IEventViewSource"/>), straight from the reader's buffer: the same
    /// event and envelope fields as <see cref="TryRead(RecordedEvent, out ProjectionEvent)"/> on the same record.
    /// </summary>
    public static bool TryRead(in RecordedEventView view, out ProjectionEvent projectionEvent)
    {
        if (!DomainEventRegistry.CanRead(view.Type, view.SchemaVersion))
        {
            projectionEvent = default;
            return false;
        }

        var evt = (ITradeEvent)TradeEventSerializer.Instance.Deserialize(view.Type, view.SchemaVersion, view.Payload);
        projectionEvent = new ProjectionEvent(view.Position, view.RecordedTime, view.EffectiveTime, view.EventId, evt);
        return true;
    }

    /// <summary>Reads the global log synchronously from <paramref name="from"/> (inclusive), skipping non-trade envelopes.</summary>
    public static IEnumerable<ProjectionEvent> ReadAll(IEventJournal journal, GlobalPosition from, long maxCount = long.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(journal);
        foreach (var recorded in journal.ReadAll(from, Direction.Forwards, maxCount))
        {
            if (TryRead(recorded, out var e))
            {
                yield return e;
            }
        }
    }

    /// <summary>Reads the global log asynchronously from <paramref name="from"/> (inclusive), skipping non-trade envelopes.</summary>
    public static async IAsyncEnumerable<ProjectionEvent> ReadAllAsync(IEventStore store, GlobalPosition from,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        await foreach (var recorded in store.ReadAllAsync(from, Direction.Forwards, long.MaxValue, cancellationToken)
                           .ConfigureAwait(false))
        {
            if (TryRead(recorded, out var e))
            {
                yield return e;
            }
        }
    }
}
