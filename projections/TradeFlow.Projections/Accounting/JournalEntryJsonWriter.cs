using System.Text.Json;
using System.Text.Json.Serialization;
using TradeFlow.Domain.Values;
using TradeFlow.EventSourcing;
using TradeFlow.Projections.Runtime;

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
    private static readonly JsonEncodedText AccountName = JsonEncodedText.Encode("account");
    private static readonly JsonEncodedText CurrencyName = JsonEncodedText.Encode("currency");
    private static readonly JsonEncodedText BookName = JsonEncodedText.Encode("book");
    private static readonly JsonEncodedText CounterpartyName = JsonEncodedText.Encode("counterparty");
    private static readonly JsonEncodedText AmountName = JsonEncodedText.Encode("amount");

    private static readonly JsonSerializerOptions Options = ProjectionJson.Options;
    private static readonly JsonConverter<GlobalPosition> Position = Converter<GlobalPosition>();
    private static readonly JsonConverter<TradeId> Trade = Converter<TradeId>();
    private static readonly JsonConverter<EntryKind> Kind = Converter<EntryKind>();
    private static readonly JsonConverter<Account> AccountConverter = Converter<Account>();
    private static readonly JsonConverter<Currency> CurrencyConverter = Converter<Currency>();
    private static readonly JsonConverter<BookId> Book = Converter<BookId>();
    private static readonly JsonConverter<CounterpartyId> Counterparty = Converter<CounterpartyId>();

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
        Kind.Write(writer, kind, Options);
        writer.WriteString(EffectiveTimeName, effectiveTime);
        writer.WriteStartArray(LinesName);
        foreach (ref readonly var line in lines)
        {
            WriteLine(writer, line);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteLine(Utf8JsonWriter writer, in PostingLine line)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(AccountName);
        AccountConverter.Write(writer, line.Account, Options);
        writer.WritePropertyName(CurrencyName);
        CurrencyConverter.Write(writer, line.Currency, Options);
        writer.WritePropertyName(BookName);
        Book.Write(writer, line.Book, Options);

        // DefaultIgnoreCondition = WhenWritingNull: a line without a counterparty has no such member at all.
        if (line.Counterparty is { } counterparty)
        {
            writer.WritePropertyName(CounterpartyName);
            Counterparty.Write(writer, counterparty, Options);
        }

        writer.WriteNumber(AmountName, line.Amount);
        writer.WriteEndObject();
    }

    private static JsonConverter<T> Converter<T>() => (JsonConverter<T>)Options.GetConverter(typeof(T));
}
