namespace TradeFlow.EventSourcing;

/// <summary>
/// A stored event seen in place, over the reader's buffer: the envelope fields a fold needs and the payload as a span,
/// without the <see cref="RecordedEvent"/>, the payload copy and the stream, source and metadata strings a full read
/// materialises for every event. Valid only during the callback that receives it (the buffer is reused after).
/// </summary>
public readonly ref struct RecordedEventView
{
    /// <summary>Creates a view over an already verified record's fields.</summary>
    /// <param name="position">The event's global position.</param>
    /// <param name="eventId">The event id.</param>
    /// <param name="type">The event's stable type name.</param>
    /// <param name="schemaVersion">The payload's schema version.</param>
    /// <param name="recordedTime">When the bank learned the fact.</param>
    /// <param name="effectiveTime">When the fact is true in business terms.</param>
    /// <param name="payload">The serialized event, in the reader's buffer.</param>
    public RecordedEventView(GlobalPosition position, Guid eventId, string type, int schemaVersion,
        DateTimeOffset recordedTime, DateTimeOffset effectiveTime, ReadOnlySpan<byte> payload)
    {
        Position = position;
        EventId = eventId;
        Type = type;
        SchemaVersion = schemaVersion;
        RecordedTime = recordedTime;
        EffectiveTime = effectiveTime;
        Payload = payload;
    }

    /// <summary>The event's global position.</summary>
    public GlobalPosition Position { get; }

    /// <summary>The event id.</summary>
    public Guid EventId { get; }

    /// <summary>The event's stable type name (a reused string).</summary>
    public string Type { get; }

    /// <summary>The payload's schema version.</summary>
    public int SchemaVersion { get; }

    /// <summary>When the bank learned the fact (the "as known at" axis).</summary>
    public DateTimeOffset RecordedTime { get; }

    /// <summary>When the fact is true in business terms (the "effective on" axis).</summary>
    public DateTimeOffset EffectiveTime { get; }

    /// <summary>The serialized event; only valid during the callback.</summary>
    public ReadOnlySpan<byte> Payload { get; }
}
