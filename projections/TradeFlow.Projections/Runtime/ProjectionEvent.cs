using TradeFlow.Domain.Events;
using TradeFlow.EventSourcing;

namespace TradeFlow.Projections.Runtime;

/// <summary>
/// What every projection folds: a domain event with the envelope fields a projection needs to be
/// traceable and bitemporal. Live (the engine's publish stage), catch-up (a store subscription) and
/// rebuild (read all) all produce this one shape, so they all go through the same <c>Apply</c>.
/// </summary>
/// <param name="Position">The event's 1-based global position: the projection's checkpoint after applying it.</param>
/// <param name="RecordedTime">When the bank learned the fact (the "as known at" axis).</param>
/// <param name="EffectiveTime">When the fact is true in business terms (the "effective on" axis).</param>
/// <param name="EventId">The envelope's event id, quoted by every posting and obligation it causes.</param>
/// <param name="Event">The deserialized (and upcast) domain event.</param>
public readonly record struct ProjectionEvent(
    GlobalPosition Position,
    DateTimeOffset RecordedTime,
    DateTimeOffset EffectiveTime,
    Guid EventId,
    ITradeEvent Event)
{
    /// <summary>Pairs a recorded envelope with its already deserialized event (the engine's publish stage has both).</summary>
    public static ProjectionEvent From(RecordedEvent recorded, ITradeEvent evt)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentNullException.ThrowIfNull(evt);
        return new ProjectionEvent(recorded.Position, recorded.RecordedTime, recorded.EffectiveTime, recorded.EventId, evt);
    }
}
