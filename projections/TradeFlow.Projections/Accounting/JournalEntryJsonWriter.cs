using System.Text.Json;
using System.Text.Json.Serialization;
using TradeFlow.Domain.Values;
using TradeFlow.EventSourcing;
using TradeFlow.Projections.Runtime;
using TradeFlow.Projections.Runtime.StateJson;

namespace TradeFlow.Projections.Accounting;

/// <summary>
/// Writes a journal entry as exactly the bytes <see cref="JsonSerializer"/> writes for a <see cref="JournalEntry"/>
/// under <see cref="ProjectionJson.Options"/> (the state hash covers them), without the serializer's per-object
/// metadata walk: a replay spills one entry per posting event, and the generic path cost more than the fold itself.
/// Value types go through the very converters the options hold, so a converter change cannot make the two differ;
/// a property test compares the bytes on random histories.
/// </summary>
internal static class JournalEntryJsonWriter
{
    private static readonly JsonEncodedText NumberName = JsonEncodedText.Encode("number");
    private static readonly JsonEncodedText PositionName = JsonEncodedText.Encode("position");
    private static readonly JsonEncodedText EventIdName = JsonEncodedText.Encode("eventId");
    private static readonly JsonEncodedText TradeIdName = JsonEncodedText.Encode("tradeId");
    private static readonly JsonEncodedText KindName = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText EffectiveTimeName = JsonEncodedText.Encode("effectiveTime");
    private static readonly JsonEncodedText LinesName = JsonEncodedText.Encode("lines");

    private static readonly JsonSerializerOptions Options = ProjectionJson.Options;
    private static readonly JsonConverter<GlobalPosition> Position = Converter<GlobalPosition>();
    private static readonly JsonConverter<TradeId> Trade = Converter<TradeId>();

    /// <summary>Writes <paramref name="entry"/> as one JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, JournalEntry entry) =>
        Write(writer, entry.Number, entry.Position, entry.EventId, entry.TradeId, entry.Kind, entry.EffectiveTime, entry.Lines.AsSpan());

    /// <summary>Writes the entry these fields make as one JSON object, without building it.</summary>
    public static void Write(Utf8JsonWriter writer, long number, GlobalPosition position, Guid eventId, TradeId tradeId,
        EntryKind kind, DateTimeOffset effectiveTime, ReadOnlySpan<PostingLine> lines)
    {
        writer.WriteStartObject();
        writer.WriteNumber(NumberName, number);
        writer.WritePropertyName(PositionName);
        Position.Write(writer, position, Options);
        writer.WriteString(EventIdName, eventId);
        writer.WritePropertyName(TradeIdName);
        Trade.Write(writer, tradeId, Options);
        writer.WritePropertyName(KindName);
        RepeatedValueText<EntryKind>.WriteValue(writer, kind);
        writer.WriteString(EffectiveTimeName, effectiveTime);
        writer.WriteStartArray(LinesName);
        foreach (ref readonly var line in lines)
        {
            PostingLineStateConverter.WriteLine(writer, line, Options);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static JsonConverter<T> Converter<T>() => (JsonConverter<T>)Options.GetConverter(typeof(T));
}
