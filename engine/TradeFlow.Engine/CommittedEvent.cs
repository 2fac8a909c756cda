using TradeFlow.Domain.Events;
using TradeFlow.EventSourcing;

namespace TradeFlow.Engine;

/// <summary>
/// One durable event as the publish stage hands it to <see cref="IEngineSubscriber"/>s: the domain event
/// (not re-read from the store) with its envelope. Valid only during the subscriber call: copy what you keep.
/// </summary>
public readonly struct CommittedEvent
{
    /// <summary>Creates the envelope (the journal stage does this).</summary>
    public CommittedEvent(ITradeEvent evt, string streamId, long streamVersion, GlobalPosition position, Guid eventId,
        DateTimeOffset recordedTime, string sourceKey, string? source, string? actor)
    {
        Event = evt;
        StreamId = streamId;
        StreamVersion = streamVersion;
        Position = position;
        EventId = eventId;
        RecordedTime = recordedTime;
        SourceKey = sourceKey;
        Source = source;
        Actor = actor;
    }

    /// <summary>The domain event.</summary>
    public ITradeEvent Event { get; }

    /// <summary>The stream it was appended to (<c>trade-{id}</c>, or <c>rejections-{id}</c> for refusals that address no booked trade).</summary>
    public string StreamId { get; }

    /// <summary>Its 0-based version in the stream.</summary>
    public long StreamVersion { get; }

    /// <summary>Its 1-based global position.</summary>
    public GlobalPosition Position { get; }

    /// <summary>Its deterministic id (a name-based UUID of the source key and the event's index in the command).</summary>
    public Guid EventId { get; }

    /// <summary>When the bank recorded it (the engine's clock at the commit).</summary>
    public DateTimeOffset RecordedTime { get; }

    /// <summary>When it is true in business terms.</summary>
    public DateTimeOffset EffectiveTime => Event.EffectiveTime;

    /// <summary>The causing command's source key.</summary>
    public string SourceKey { get; }

    /// <summary>The command's source, if given.</summary>
    public string? Source { get; }

    /// <summary>The command's actor, if given.</summary>
    public string? Actor { get; }
}
