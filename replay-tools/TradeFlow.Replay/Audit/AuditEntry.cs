using TradeFlow.Domain.Events;
using TradeFlow.Projections.Accounting;
using TradeFlow.Projections.Settlement;

namespace TradeFlow.Replay.Audit;

/// <summary>One event of a trade's audit trail with its envelope, what it changed, and what it caused downstream.</summary>
/// <param name="Position">Global position.</param>
/// <param name="Stream">The stream (<c>trade-…</c>, or <c>rejections-…</c> for refusals of an id that was never booked).</param>
/// <param name="StreamVersion">Version in the stream.</param>
/// <param name="Type">Event type name.</param>
/// <param name="SchemaVersion">Stored schema version (upcast on read when old).</param>
/// <param name="EventId">The event id.</param>
/// <param name="RecordedTime">When the bank learned it.</param>
/// <param name="EffectiveTime">When it is true in business terms.</param>
/// <param name="Actor">Who.</param>
/// <param name="Source">Where from (FIX session and MsgSeqNum, HTTP idempotency key).</param>
/// <param name="CorrelationId">Correlation id.</param>
/// <param name="CausationId">Causation id.</param>
/// <param name="Changes">For an amendment: each changed field.</param>
/// <param name="Event">The event itself.</param>
/// <param name="Postings">Journal entries the event posted (accounting).</param>
/// <param name="Obligations">The trade's settlement obligations right after the event.</param>
public sealed record AuditEntry(
    long Position,
    string Stream,
    long StreamVersion,
    string Type,
    int SchemaVersion,
    Guid EventId,
    DateTimeOffset RecordedTime,
    DateTimeOffset EffectiveTime,
    string? Actor,
    string? Source,
    Guid CorrelationId,
    Guid CausationId,
    IReadOnlyList<FieldChange> Changes,
    ITradeEvent Event,
    IReadOnlyList<JournalEntry> Postings,
    IReadOnlyList<Obligation> Obligations);
