namespace TradeFlow.EventSourcing;

/// <summary>
/// An event as the store returns it: the appended <see cref="EventData"/> plus where it was stored
/// (stream, 0-based stream version, 1-based global position). Its payload and metadata are the store's
/// own copies and never change.
/// </summary>
public sealed class RecordedEvent
{
    /// <summary>Creates a recorded event (stores and test doubles call this).</summary>
    public RecordedEvent(string streamId, long streamVersion, GlobalPosition position, EventData data)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        if (data.IsDefault)
        {
            throw new ArgumentException("A recorded event needs its event data.", nameof(data));
        }

        StreamId = streamId;
        StreamVersion = streamVersion;
        Position = position;
        Data = data;
    }

    /// <summary>The stream the event belongs to.</summary>
    public string StreamId { get; }

    /// <summary>The event's 0-based version within its stream.</summary>
    public long StreamVersion { get; }

    /// <summary>The event's 1-based position in the global order.</summary>
    public GlobalPosition Position { get; }

    /// <summary>The event as appended (id, type, payload, times, correlation, source, actor, metadata).</summary>
    public EventData Data { get; }

    /// <summary>The event's id.</summary>
    public Guid EventId => Data.EventId;

    /// <summary>The event's type name.</summary>
    public string Type => Data.Type;

    /// <summary>The payload's schema version.</summary>
    public int SchemaVersion => Data.SchemaVersion;

    /// <summary>The serialized payload.</summary>
    public ReadOnlyMemory<byte> Payload => Data.Payload;

    /// <summary>When the bank learned the fact.</summary>
    public DateTimeOffset RecordedTime => Data.RecordedTime;

    /// <summary>When the fact is true in business terms.</summary>
    public DateTimeOffset EffectiveTime => Data.EffectiveTime;

    /// <summary>The correlation id.</summary>
    public Guid CorrelationId => Data.CorrelationId;

    /// <summary>The causation id.</summary>
    public Guid CausationId => Data.CausationId;

    /// <summary>The source, e.g. a FIX session and sequence number.</summary>
    public string? Source => Data.Source;

    /// <summary>The actor.</summary>
    public string? Actor => Data.Actor;

    /// <summary>The extra metadata bytes.</summary>
    public ReadOnlyMemory<byte> Metadata => Data.Metadata;

    /// <inheritdoc />
    public override string ToString() => $"{StreamId}@{StreamVersion} #{Position} {Type}.v{SchemaVersion} {EventId}";
}
