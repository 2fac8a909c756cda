using System.Text.Json;
using TradeFlow.Projections.Accounting;

namespace TradeFlow.Projections.Runtime.StateJson;

/// <summary>Writes a <see cref="PostingLine"/> (accounting's open lines) as the serializer does.</summary>
internal sealed class PostingLineStateConverter : StateRowConverter<PostingLine>
{
    private static readonly JsonEncodedText Account = JsonEncodedText.Encode("account");
    private static readonly JsonEncodedText Currency = JsonEncodedText.Encode("currency");
    private static readonly JsonEncodedText Book = JsonEncodedText.Encode("book");
    private static readonly JsonEncodedText Counterparty = JsonEncodedText.Encode("counterparty");
    private static readonly JsonEncodedText Amount = JsonEncodedText.Encode("amount");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, PostingLine value, JsonSerializerOptions options) => WriteLine(writer, value, options);

    /// <summary>Writes one posting line; also the lines of a spilled journal entry (<see cref="JournalEntryJsonWriter"/>).</summary>
    public static void WriteLine(Utf8JsonWriter writer, in PostingLine value, JsonSerializerOptions options)
    {
        if (!PostingLineText.TryWrite(writer, value))
        {
            WriteMembers(writer, value, options);
        }
    }

    /// <summary>Writes one posting line member by member (what <see cref="PostingLineText"/> caches the head of).</summary>
    internal static void WriteMembers(Utf8JsonWriter writer, in PostingLine value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        Value(writer, Account, value.Account, options);
        Value(writer, Currency, value.Currency, options);
        Value(writer, Book, value.Book, options);
        Optional(writer, Counterparty, value.Counterparty, options);
        writer.WriteNumber(Amount, value.Amount);
        writer.WriteEndObject();
    }
}
