using System.Buffers;

namespace TradeFlow.EventSourcing.Serialization;

/// <summary>
/// Builds <see cref="EventData"/> from domain events through an <see cref="IEventSerializer"/>, and
/// turns <see cref="RecordedEvent"/>s back into domain events. Off the hot path (it allocates the
/// payload array); the journal stage serializes into its own reused buffers instead.
/// </summary>
public sealed class EventDataFactory
{
    private readonly IEventSerializer _serializer;
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);

    /// <summary>Creates a factory over <paramref name="serializer"/>.</summary>
    public EventDataFactory(IEventSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        _serializer = serializer;
    }

    /// <summary>Serializes <paramref name="evt"/> into a new <see cref="EventData"/> with <paramref name="context"/>'s fields. Not thread-safe.</summary>
    public EventData Create(object evt, in EventContext context, ReadOnlyMemory<byte> metadata = default)
    {
        ArgumentNullException.ThrowIfNull(evt);
        _buffer.ResetWrittenCount();
        var (type, schemaVersion) = _serializer.Serialize(evt, _buffer);
        return new EventData(context.EventId, type, schemaVersion, _buffer.WrittenSpan.ToArray(), context.RecordedTime, context.EffectiveTime)
        {
            CorrelationId = context.CorrelationId,
            CausationId = context.CausationId,
            Source = context.Source,
            Actor = context.Actor,
            Metadata = metadata,
        };
    }

    /// <summary>Deserializes (and upcasts) a recorded event's payload.</summary>
    public object Deserialize(RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return _serializer.Deserialize(recorded.Type, recorded.SchemaVersion, recorded.Payload.Span);
    }
}
