using System.Text.Json;
using System.Text.Json.Serialization;

namespace TradeFlow.Server.Http.Views;

/// <summary>One event of a trade's audit trail, with its whole envelope.</summary>
/// <param name="Position">Global position.</param>
/// <param name="Stream">The stream (<c>trade-{id}</c>, or <c>rejections-{id}</c> for a refused booking).</param>
/// <param name="Version">0-based version in the stream.</param>
/// <param name="Type">The event's stable type name.</param>
/// <param name="SchemaVersion">The payload's schema version as stored.</param>
/// <param name="EventId">The deterministic event id.</param>
/// <param name="RecordedTime">When the bank learned it.</param>
/// <param name="EffectiveTime">When it is true in business terms.</param>
/// <param name="Source">Where the command came from (FIX session and sequence, HTTP key).</param>
/// <param name="Actor">Who sent it.</param>
/// <param name="CorrelationId">Correlation id.</param>
/// <param name="CausationId">Causation id.</param>
/// <param name="Payload">The event as stored (JSON).</param>
/// <param name="EffectiveOnDate">With <c>effectiveDate</c>: true when the event is effective by the end of that date (UTC),
/// so it counts in the trade's state on that date; null without it (and omitted from the JSON).</param>
public sealed record TradeHistoryEntry(
    long Position,
    string Stream,
    long Version,
    string Type,
    int SchemaVersion,
    Guid EventId,
    DateTimeOffset RecordedTime,
    DateTimeOffset EffectiveTime,
    string? Source,
    string? Actor,
    Guid CorrelationId,
    Guid CausationId,
    JsonElement Payload,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? EffectiveOnDate = null);
