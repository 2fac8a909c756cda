namespace TradeFlow.EventSourcing.Serialization;

/// <summary>
/// The context fields of an event other than its payload, as the caller knows them when it
/// creates the event: grouped so that <see cref="EventDataFactory"/> takes one argument for them.
/// </summary>
/// <param name="EventId">The deterministic event id.</param>
/// <param name="RecordedTime">When the bank learned the fact (injected clock).</param>
/// <param name="EffectiveTime">When it is true in business terms.</param>
/// <param name="CorrelationId">The correlation id.</param>
/// <param name="CausationId">The causation id.</param>
/// <param name="Source">The source, e.g. a FIX session and MsgSeqNum.</param>
/// <param name="Actor">The actor.</param>
public readonly record struct EventContext(
    Guid EventId,
    DateTimeOffset RecordedTime,
    DateTimeOffset EffectiveTime,
    Guid CorrelationId = default,
    Guid CausationId = default,
    string? Source = null,
    string? Actor = null);
