namespace TradeFlow.EventSourcing;

/// <summary>
/// One serialized event to append: identity, type and schema version, UTF-8 payload and the
/// envelope's metadata. A <c>readonly struct</c> so that the engine's journal stage can fill a
/// reused array of them per batch without allocating; the store copies the bytes it keeps, so the
/// caller may reuse <see cref="Payload"/> and <see cref="Metadata"/> buffers once the append returns.
/// </summary>
public readonly struct EventData
{
    /// <summary>The longest type name accepted, in characters.</summary>
    public const int MaxTypeLength = 256;

    /// <summary>Creates an event; <paramref name="recordedTime"/> comes from the caller's injected clock.</summary>
    public EventData(
        Guid eventId,
        string type,
        int schemaVersion,
        ReadOnlyMemory<byte> payload,
        DateTimeOffset recordedTime,
        DateTimeOffset effectiveTime)
    {
        if (eventId == Guid.Empty)
        {
            throw new ArgumentException("An event id must not be empty (it is the idempotency key).", nameof(eventId));
        }

        if (string.IsNullOrEmpty(type) || type.Length > MaxTypeLength)
        {
            throw new ArgumentException($"An event type must be 1..{MaxTypeLength} characters.", nameof(type));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(schemaVersion, 1);
        EventId = eventId;
        Type = type;
        SchemaVersion = schemaVersion;
        Payload = payload;
        RecordedTime = recordedTime;
        EffectiveTime = effectiveTime;
    }

    /// <summary>The event's id: deterministic from its source key, and the key of idempotent appends.</summary>
    public Guid EventId { get; }

    /// <summary>The stable type name, e.g. <c>TradeBooked</c>.</summary>
    public string Type { get; }

    /// <summary>The payload's schema version (1-based); older versions are upcast on read.</summary>
    public int SchemaVersion { get; }

    /// <summary>The serialized event, UTF-8 (JSON or the serializer's format).</summary>
    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary>When the bank learned the fact, from the injected clock; the store never reads a clock.</summary>
    public DateTimeOffset RecordedTime { get; }

    /// <summary>When the fact is true in business terms.</summary>
    public DateTimeOffset EffectiveTime { get; }

    /// <summary>The id shared by every event caused by one request.</summary>
    public Guid CorrelationId { get; init; }

    /// <summary>The id of the message or event that caused this one.</summary>
    public Guid CausationId { get; init; }

    /// <summary>Where the fact came from, e.g. <c>FIX:SESSION-ID:MsgSeqNum=42</c>; null when unknown.</summary>
    public string? Source { get; init; }

    /// <summary>Who caused it (trader, user or system); null when unknown.</summary>
    public string? Actor { get; init; }

    /// <summary>Optional extra metadata bytes (empty when none).</summary>
    public ReadOnlyMemory<byte> Metadata { get; init; }

    /// <summary>True for <c>default(EventData)</c>, which no store accepts.</summary>
    public bool IsDefault => Type is null;
}
