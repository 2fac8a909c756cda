using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TradeFlow.Domain.Events;
using TradeFlow.Domain.Serialization.Converters;
using TradeFlow.Domain.Trades;

namespace TradeFlow.Domain.Serialization;

/// <summary>
/// A hand-written writer for <see cref="TradeBooked"/>, the event every capture journals: the same bytes as
/// the source-generated metadata path (same property order, names, omitted nulls, the same value converters
/// and enum names, through the same <see cref="Utf8JsonWriter"/> and so the same escaping), without its
/// per-property metadata walk, which measured several times the cost of the writing itself. A booking the
/// fast path cannot vouch for (an undefined enum value, a missing required member) goes to the generated
/// path, so anything unusual is written — or refused — exactly as before. A property test pins the equality.
/// Values that repeat from trade to trade (instrument, counterparty, book, trader, dates) are copied from
/// <see cref="TradeBookedValueTexts"/> (the shared <see cref="RepeatedJsonValue{T}"/> caches); the rest (ids, decimals,
/// amounts) go straight to UTF-8 through <see cref="AsciiJsonValue"/>; each falls back to its converter for anything it cannot vouch for. Since pass
/// <c>engine14</c> the whole booking is first built as raw bytes (<see cref="TradeBookedRawJson"/>) and handed to the
/// writer in one call; the member-by-member path below is its fallback.
/// </summary>
internal static class TradeBookedJsonWriter
{
    private static readonly JsonEncodedText TradeIdName = JsonEncodedText.Encode("tradeId");
    private static readonly JsonEncodedText EffectiveTimeName = JsonEncodedText.Encode("effectiveTime");
    private static readonly JsonEncodedText EconomicsName = JsonEncodedText.Encode("economics");
    private static readonly JsonEncodedText InstrumentName = JsonEncodedText.Encode("instrument");
    private static readonly JsonEncodedText SideName = JsonEncodedText.Encode("side");
    private static readonly JsonEncodedText QuantityName = JsonEncodedText.Encode("quantity");
    private static readonly JsonEncodedText PriceName = JsonEncodedText.Encode("price");
    private static readonly JsonEncodedText CounterpartyName = JsonEncodedText.Encode("counterparty");
    private static readonly JsonEncodedText BookName = JsonEncodedText.Encode("book");
    private static readonly JsonEncodedText TraderName = JsonEncodedText.Encode("trader");
    private static readonly JsonEncodedText TradeDateName = JsonEncodedText.Encode("tradeDate");
    private static readonly JsonEncodedText SettlementDateName = JsonEncodedText.Encode("settlementDate");
    private static readonly JsonEncodedText AssetClassName = JsonEncodedText.Encode("assetClass");
    private static readonly JsonEncodedText NotionalName = JsonEncodedText.Encode("notional");
    private static readonly JsonEncodedText ParentTradeIdName = JsonEncodedText.Encode("parentTradeId");
    private static readonly JsonEncodedText NovatedFromTradeIdName = JsonEncodedText.Encode("novatedFromTradeId");
    private static readonly JsonEncodedText EnrichmentName = JsonEncodedText.Encode("enrichment");
    private static readonly JsonEncodedText NotionalInBaseName = JsonEncodedText.Encode("notionalInBase");
    private static readonly JsonEncodedText ExposureContributionName = JsonEncodedText.Encode("exposureContribution");
    private static readonly JsonEncodedText CounterpartyLimitIdName = JsonEncodedText.Encode("counterpartyLimitId");
    private static readonly JsonEncodedText ComplianceWarningsName = JsonEncodedText.Encode("complianceWarnings");

    // The converters the context is configured with, for what the direct paths refuse; they ignore the options.
    private static readonly TradeIdJsonConverter TradeIds = new();
    private static readonly QuantityJsonConverter Quantities = new();
    private static readonly PriceJsonConverter Prices = new();
    private static readonly MoneyJsonConverter Amounts = new();

    // Enum names as the context's string-enum converter writes them, taken from that converter itself.
    internal static readonly JsonEncodedText[] SideNames = EnumNames(DomainJsonContext.Default.Side);
    internal static readonly JsonEncodedText[] AssetClassNames = EnumNames(DomainJsonContext.Default.AssetClass);

    /// <summary>Writes <paramref name="booked"/>, or returns false (having written nothing) when only the generated path may.</summary>
    public static bool TryWrite(Utf8JsonWriter writer, TradeBooked booked) =>
        TryWrite(writer, booked, TradeBookedValueTexts.Shared);

    /// <summary>As <see cref="TryWrite(Utf8JsonWriter, TradeBooked)"/>, the repeated values copied from <paramref name="texts"/> (tests).</summary>
    internal static bool TryWrite(Utf8JsonWriter writer, TradeBooked booked, TradeBookedValueTexts texts)
    {
        if (!IsWritable(booked, out var e))
        {
            return false;
        }

        if (!TradeBookedRawJson.TryWrite(writer, booked, e, texts))
        {
            WriteThroughWriter(writer, booked, e, texts);
        }

        return true;
    }

    /// <summary>
    /// Writes <paramref name="booked"/> as raw bytes straight into <paramref name="output"/>, the bytes
    /// <see cref="TryWrite(Utf8JsonWriter, TradeBooked)"/> writes, or returns false having advanced nothing: the caller then goes through the writer.
    /// </summary>
    public static bool TryWriteRaw(IBufferWriter<byte> output, TradeBooked booked) =>
        TryWriteRaw(output, booked, TradeBookedValueTexts.Shared);

    /// <summary>As <see cref="TryWriteRaw(IBufferWriter{byte}, TradeBooked)"/>, the repeated values copied from <paramref name="texts"/> (tests).</summary>
    internal static bool TryWriteRaw(IBufferWriter<byte> output, TradeBooked booked, TradeBookedValueTexts texts) =>
        IsWritable(booked, out var e) && TradeBookedRawJson.TryWrite(output, booked, e, texts);

    // What the fast paths can write at all: economics present, named side and asset class, warnings not default.
    private static bool IsWritable(TradeBooked booked, out TradeEconomics e)
    {
        e = booked.Economics!;
        return e is not null && (uint)e.Side < (uint)SideNames.Length
            && !SideNames[(int)e.Side].EncodedUtf8Bytes.IsEmpty
            && (uint)booked.AssetClass < (uint)AssetClassNames.Length
            && !AssetClassNames[(int)booked.AssetClass].EncodedUtf8Bytes.IsEmpty
            && booked.Enrichment is not { ComplianceWarnings.IsDefault: true };
    }

    /// <summary>
    /// The booking member by member through the writer (engine8's path): what the raw bytes fall back to, and what
    /// the tests compare them with.
    /// </summary>
    internal static void WriteThroughWriter(Utf8JsonWriter writer, TradeBooked booked, TradeEconomics e, TradeBookedValueTexts texts)
    {
        var options = DomainJsonContext.Default.Options;
        writer.WriteStartObject();
        writer.WritePropertyName(TradeIdName);
        WriteTradeId(writer, booked.TradeId, options);
        writer.WriteString(EffectiveTimeName, booked.EffectiveTime);
        writer.WritePropertyName(EconomicsName);
        WriteEconomics(writer, e, texts, options);
        writer.WriteString(AssetClassName, AssetClassNames[(int)booked.AssetClass]);
        writer.WritePropertyName(NotionalName);
        WriteMoney(writer, booked.Notional, options);
        WriteOptionalId(writer, ParentTradeIdName, booked.ParentTradeId, options);
        WriteOptionalId(writer, NovatedFromTradeIdName, booked.NovatedFromTradeId, options);
        if (booked.Enrichment is { } enrichment)
        {
            writer.WritePropertyName(EnrichmentName);
            WriteEnrichment(writer, enrichment, options);
        }

        writer.WriteEndObject();
    }

    private static void WriteEconomics(Utf8JsonWriter writer, TradeEconomics e, TradeBookedValueTexts texts,
        JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(InstrumentName);
        texts.Instruments.Write(writer, e.Instrument);
        writer.WriteString(SideName, SideNames[(int)e.Side]);
        writer.WritePropertyName(QuantityName);
        if (!AsciiJsonValue.TryWriteDecimal(writer, e.Quantity.Value))
        {
            Quantities.Write(writer, e.Quantity, options);
        }

        writer.WritePropertyName(PriceName);
        if (!AsciiJsonValue.TryWriteDecimal(writer, e.Price.Value))
        {
            Prices.Write(writer, e.Price, options);
        }

        writer.WritePropertyName(CounterpartyName);
        texts.Counterparties.Write(writer, e.Counterparty);
        writer.WritePropertyName(BookName);
        texts.Books.Write(writer, e.Book);
        writer.WritePropertyName(TraderName);
        texts.Traders.Write(writer, e.Trader);
        writer.WritePropertyName(TradeDateName);
        texts.Dates.Write(writer, e.TradeDate);
        writer.WritePropertyName(SettlementDateName);
        texts.Dates.Write(writer, e.SettlementDate);
        writer.WriteEndObject();
    }

    private static void WriteEnrichment(Utf8JsonWriter writer, TradeEnrichment enrichment, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (enrichment.NotionalInBase is { } inBase)
        {
            writer.WritePropertyName(NotionalInBaseName);
            WriteMoney(writer, inBase, options);
        }

        if (enrichment.ExposureContribution is { } exposure)
        {
            writer.WritePropertyName(ExposureContributionName);
            WriteMoney(writer, exposure, options);
        }

        if (enrichment.CounterpartyLimitId is { } limit)
        {
            writer.WriteString(CounterpartyLimitIdName, limit);
        }

        writer.WriteStartArray(ComplianceWarningsName);
        foreach (var warning in enrichment.ComplianceWarnings)
        {
            writer.WriteStringValue(warning);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteOptionalId(Utf8JsonWriter writer, JsonEncodedText name, Values.TradeId? id,
        JsonSerializerOptions options)
    {
        if (id is { } value)
        {
            writer.WritePropertyName(name);
            WriteTradeId(writer, value, options);
        }
    }

    private static void WriteTradeId(Utf8JsonWriter writer, Values.TradeId id, JsonSerializerOptions options)
    {
        Span<char> text = stackalloc char[Values.TradeId.TextLength];
        if (!id.TryFormat(text, out var length) || !AsciiJsonValue.TryWriteString(writer, text[..length]))
        {
            TradeIds.Write(writer, id, options);
        }
    }

    private static void WriteMoney(Utf8JsonWriter writer, Values.Money amount, JsonSerializerOptions options)
    {
        if (!AsciiJsonValue.TryWriteMoney(writer, amount))
        {
            Amounts.Write(writer, amount, options);
        }
    }

    // Index = the enum's value; an undefined value stays empty and sends the event to the generated path.
    private static JsonEncodedText[] EnumNames<T>(JsonTypeInfo<T> info)
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>().Where(v => Convert.ToInt32(v, CultureInfo.InvariantCulture) >= 0).ToArray();
        var names = new JsonEncodedText[values.Max(v => Convert.ToInt32(v, CultureInfo.InvariantCulture)) + 1];
        foreach (var value in values)
        {
            var reader = new Utf8JsonReader(JsonSerializer.SerializeToUtf8Bytes(value, info));
            if (reader.Read() && reader.TokenType == JsonTokenType.String)
            {
                names[Convert.ToInt32(value, CultureInfo.InvariantCulture)] = JsonEncodedText.Encode(reader.GetString()!);
            }
        }

        return names;
    }
}
