using System.Text.Json;
using TradeFlow.Domain.Trades;

namespace TradeFlow.Projections.Runtime.StateJson;

/// <summary>Writes <see cref="TradeEconomics"/> as the serializer does (every projection's trade rows carry one).</summary>
internal sealed class TradeEconomicsStateConverter : StateRowConverter<TradeEconomics>
{
    private static readonly JsonEncodedText Instrument = JsonEncodedText.Encode("instrument");
    private static readonly JsonEncodedText Side = JsonEncodedText.Encode("side");
    private static readonly JsonEncodedText Quantity = JsonEncodedText.Encode("quantity");
    private static readonly JsonEncodedText Price = JsonEncodedText.Encode("price");
    private static readonly JsonEncodedText Counterparty = JsonEncodedText.Encode("counterparty");
    private static readonly JsonEncodedText Book = JsonEncodedText.Encode("book");
    private static readonly JsonEncodedText Trader = JsonEncodedText.Encode("trader");
    private static readonly JsonEncodedText TradeDate = JsonEncodedText.Encode("tradeDate");
    private static readonly JsonEncodedText SettlementDate = JsonEncodedText.Encode("settlementDate");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TradeEconomics value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        Value(writer, Instrument, value.Instrument, options);
        Value(writer, Side, value.Side, options);
        Value(writer, Quantity, value.Quantity, options);
        Value(writer, Price, value.Price, options);
        Value(writer, Counterparty, value.Counterparty, options);
        Value(writer, Book, value.Book, options);
        Value(writer, Trader, value.Trader, options);
        Value(writer, TradeDate, value.TradeDate, options);
        Value(writer, SettlementDate, value.SettlementDate, options);
        writer.WriteEndObject();
    }
}
