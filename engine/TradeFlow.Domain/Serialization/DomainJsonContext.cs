using System.Text.Json.Serialization;
using TradeFlow.Domain.Events;
using TradeFlow.Domain.Serialization.Converters;

namespace TradeFlow.Domain.Serialization;

/// <summary>
/// System.Text.Json source-generated metadata for every event (and old event shape): no reflection at
/// run time. Value types are written as strings ("EUR", "T000000000042", "12.50"), enums by name,
/// property names in camelCase, and null optional members are omitted.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    Converters =
    [
        typeof(CurrencyJsonConverter), typeof(MoneyJsonConverter), typeof(PriceJsonConverter),
        typeof(QuantityJsonConverter), typeof(TradeIdJsonConverter), typeof(CounterpartyIdJsonConverter),
        typeof(InstrumentIdJsonConverter), typeof(BookIdJsonConverter), typeof(TraderIdJsonConverter),
        typeof(BusinessDateJsonConverter),
    ])]
[JsonSerializable(typeof(TradeBooked))]
[JsonSerializable(typeof(TradeAmended))]
[JsonSerializable(typeof(TradeCancelled))]
[JsonSerializable(typeof(TradeCancelledV1))]
[JsonSerializable(typeof(TradeAllocated))]
[JsonSerializable(typeof(TradeConfirmed))]
[JsonSerializable(typeof(TradeNovated))]
[JsonSerializable(typeof(TradePartiallyTerminated))]
[JsonSerializable(typeof(SettlementInstructed))]
[JsonSerializable(typeof(SettlementMatched))]
[JsonSerializable(typeof(SettlementSettled))]
[JsonSerializable(typeof(SettlementFailed))]
[JsonSerializable(typeof(TradeMatured))]
[JsonSerializable(typeof(TradeRejected))]
[JsonSerializable(typeof(CreditLimitChanged))]
[JsonSerializable(typeof(CreditLimitChangeRejected))]
public sealed partial class DomainJsonContext : JsonSerializerContext;
