using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text.Json;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Serialization.Converters;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Serialization;

/// <summary>
/// The values the hand-written event readers share, read through the very converters <see cref="DomainJsonContext"/>
/// is configured with (same parsing, same errors), and the economics block that bookings and amendments carry.
/// </summary>
internal static class EventJsonValues
{
    // The converters ignore the options; the context's own are passed so nothing differs if one ever reads them.
    private static readonly JsonSerializerOptions Options = DomainJsonContext.Default.Options;
    private static readonly TradeIdJsonConverter TradeIds = new();
    private static readonly InstrumentIdJsonConverter Instruments = new();
    private static readonly QuantityJsonConverter Quantities = new();
    private static readonly PriceJsonConverter Prices = new();
    private static readonly CounterpartyIdJsonConverter Counterparties = new();
    private static readonly BookIdJsonConverter Books = new();
    private static readonly TraderIdJsonConverter Traders = new();
    private static readonly BusinessDateJsonConverter Dates = new();
    private static readonly MoneyJsonConverter Amounts = new();
    private static readonly CurrencyJsonConverter Currencies = new();

    public static TradeId TradeId(ref Utf8JsonReader reader) => TradeIds.Read(ref reader, typeof(TradeId), Options);

    public static Money Money(ref Utf8JsonReader reader) => Amounts.Read(ref reader, typeof(Money), Options);

    public static Quantity Quantity(ref Utf8JsonReader reader) => Quantities.Read(ref reader, typeof(Quantity), Options);

    public static BusinessDate Date(ref Utf8JsonReader reader) => RecentValues<BusinessDate>.Read(ref reader, Dates, Options);

    public static Currency Currency(ref Utf8JsonReader reader) => Currencies.Read(ref reader, typeof(Currency), Options);

    /// <summary>Reads "tradeId" and "effectiveTime", the two members every event starts with, from the top of a payload.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool Header(ref Utf8JsonReader reader, out TradeId id, out DateTimeOffset effectiveTime)
    {
        id = default;
        effectiveTime = default;
        if (!FastJson.StartObject(ref reader) || !FastJson.Property(ref reader, "tradeId"u8))
        {
            return false;
        }

        id = TradeId(ref reader);
        return FastJson.Property(ref reader, "effectiveTime"u8) && FastJson.Time(ref reader, out effectiveTime);
    }

    /// <summary>Reads a <see cref="TradeEconomics"/> object; the reader is on its start.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool Economics(ref Utf8JsonReader reader, [NotNullWhen(true)] out TradeEconomics? economics)
    {
        economics = null;
        if (reader.TokenType != JsonTokenType.StartObject || !FastJson.Property(ref reader, "instrument"u8))
        {
            return false;
        }

        var instrument = RecentValues<InstrumentId>.Read(ref reader, Instruments, Options);
        if (!FastJson.Property(ref reader, "side"u8) || !FastJson.EnumValue(ref reader, TradeBookedJsonWriter.SideNames, out var side)
            || !FastJson.Property(ref reader, "quantity"u8))
        {
            return false;
        }

        var quantity = Quantity(ref reader);
        if (!FastJson.Property(ref reader, "price"u8))
        {
            return false;
        }

        var price = Prices.Read(ref reader, typeof(Price), Options);
        if (!FastJson.Property(ref reader, "counterparty"u8))
        {
            return false;
        }

        var counterparty = RecentValues<CounterpartyId>.Read(ref reader, Counterparties, Options);
        if (!FastJson.Property(ref reader, "book"u8))
        {
            return false;
        }

        var book = RecentValues<BookId>.Read(ref reader, Books, Options);
        if (!FastJson.Property(ref reader, "trader"u8))
        {
            return false;
        }

        var trader = RecentValues<TraderId>.Read(ref reader, Traders, Options);
        if (!FastJson.Property(ref reader, "tradeDate"u8))
        {
            return false;
        }

        var tradeDate = Date(ref reader);
        if (!FastJson.Property(ref reader, "settlementDate"u8))
        {
            return false;
        }

        var settlementDate = Date(ref reader);
        if (!FastJson.EndObject(ref reader))
        {
            return false;
        }

        economics = new TradeEconomics(instrument, (Side)side, quantity, price, counterparty, book, trader, tradeDate, settlementDate);
        return true;
    }

    /// <summary>The asset class of the current value, by its written name.</summary>
    public static bool AssetClass(ref Utf8JsonReader reader, out AssetClass assetClass)
    {
        var found = FastJson.EnumValue(ref reader, TradeBookedJsonWriter.AssetClassNames, out var value);
        assetClass = (AssetClass)value;
        return found;
    }
}
