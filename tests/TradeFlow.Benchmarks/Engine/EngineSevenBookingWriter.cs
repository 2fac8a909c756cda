using System.Text.Json;
using TradeFlow.Domain.Events;
using TradeFlow.Domain.Serialization;
using TradeFlow.Domain.Serialization.Converters;
using TradeFlow.Domain.Values;

namespace TradeFlow.Benchmarks.Engine;

/// <summary>
/// The booking writer as it was before pass <c>engine8</c> (every value through its converter: formatted to chars,
/// transcoded, scanned for escapes), kept here only as the baseline of <see cref="PayloadWriterBenchmarks"/> so that
/// before and after run in one process. Written for the benchmark's bookings (enrichment with a limit, no warnings).
/// </summary>
internal static class EngineSevenBookingWriter
{
    private static readonly TradeIdJsonConverter TradeIds = new();
    private static readonly InstrumentIdJsonConverter Instruments = new();
    private static readonly QuantityJsonConverter Quantities = new();
    private static readonly PriceJsonConverter Prices = new();
    private static readonly CounterpartyIdJsonConverter Counterparties = new();
    private static readonly BookIdJsonConverter Books = new();
    private static readonly TraderIdJsonConverter Traders = new();
    private static readonly BusinessDateJsonConverter Dates = new();
    private static readonly MoneyJsonConverter Amounts = new();

    // Engine7 wrote enum names from cached encoded texts; the benchmark's bookings are all cash equities.
    private static readonly JsonEncodedText CashEquity = JsonEncodedText.Encode("CashEquity");

    /// <summary>Writes the booking as engine7's <c>TradeBookedJsonWriter</c> did.</summary>
    public static void Write(Utf8JsonWriter writer, TradeBooked booked)
    {
        var options = DomainJsonContext.Default.Options;
        var e = booked.Economics;
        writer.WriteStartObject();
        writer.WritePropertyName("tradeId"u8);
        TradeIds.Write(writer, booked.TradeId, options);
        writer.WriteString("effectiveTime"u8, booked.EffectiveTime);
        writer.WriteStartObject("economics"u8);
        writer.WritePropertyName("instrument"u8);
        Instruments.Write(writer, e.Instrument, options);
        writer.WriteString("side"u8, e.Side == Side.Buy ? "Buy"u8 : "Sell"u8);
        writer.WritePropertyName("quantity"u8);
        Quantities.Write(writer, e.Quantity, options);
        writer.WritePropertyName("price"u8);
        Prices.Write(writer, e.Price, options);
        writer.WritePropertyName("counterparty"u8);
        Counterparties.Write(writer, e.Counterparty, options);
        writer.WritePropertyName("book"u8);
        Books.Write(writer, e.Book, options);
        writer.WritePropertyName("trader"u8);
        Traders.Write(writer, e.Trader, options);
        writer.WritePropertyName("tradeDate"u8);
        Dates.Write(writer, e.TradeDate, options);
        writer.WritePropertyName("settlementDate"u8);
        Dates.Write(writer, e.SettlementDate, options);
        writer.WriteEndObject();
        writer.WriteString("assetClass"u8, CashEquity);
        writer.WritePropertyName("notional"u8);
        Amounts.Write(writer, booked.Notional, options);
        if (booked.Enrichment is { } enrichment)
        {
            writer.WriteStartObject("enrichment"u8);
            writer.WritePropertyName("notionalInBase"u8);
            Amounts.Write(writer, enrichment.NotionalInBase!.Value, options);
            writer.WritePropertyName("exposureContribution"u8);
            Amounts.Write(writer, enrichment.ExposureContribution!.Value, options);
            writer.WriteString("counterpartyLimitId"u8, enrichment.CounterpartyLimitId);
            writer.WriteStartArray("complianceWarnings"u8);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
