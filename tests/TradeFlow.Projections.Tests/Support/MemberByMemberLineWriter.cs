using System.Text.Json;
using TradeFlow.Domain.Serialization;
using TradeFlow.Projections.Accounting;
using TradeFlow.Projections.Runtime;

namespace TradeFlow.Projections.Tests.Support;

/// <summary>
/// The posting line writer as it was before replay9 (member by member: each id through the repeated-value cache, the
/// amount through <see cref="Utf8JsonWriter.WriteNumber(JsonEncodedText, decimal)"/>), kept as the reference the
/// cached-head writer must match byte for byte.
/// </summary>
public static class MemberByMemberLineWriter
{
    private static readonly JsonEncodedText Account = JsonEncodedText.Encode("account");
    private static readonly JsonEncodedText Currency = JsonEncodedText.Encode("currency");
    private static readonly JsonEncodedText Book = JsonEncodedText.Encode("book");
    private static readonly JsonEncodedText Counterparty = JsonEncodedText.Encode("counterparty");
    private static readonly JsonEncodedText Amount = JsonEncodedText.Encode("amount");

    private static readonly RepeatedJsonValues<Account> Accounts = new(ProjectionJson.Options);
    private static readonly RepeatedJsonValues<Domain.Values.Currency> Currencies = new(ProjectionJson.Options);
    private static readonly RepeatedJsonValues<Domain.Values.BookId> Books = new(ProjectionJson.Options);
    private static readonly RepeatedJsonValues<Domain.Values.CounterpartyId> Counterparties = new(ProjectionJson.Options);

    public static void Write(Utf8JsonWriter writer, PostingLine value)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(Account);
        Accounts.Write(writer, value.Account);
        writer.WritePropertyName(Currency);
        Currencies.Write(writer, value.Currency);
        writer.WritePropertyName(Book);
        Books.Write(writer, value.Book);
        if (value.Counterparty is { } counterparty)
        {
            writer.WritePropertyName(Counterparty);
            Counterparties.Write(writer, counterparty);
        }

        writer.WriteNumber(Amount, value.Amount);
        writer.WriteEndObject();
    }
}
