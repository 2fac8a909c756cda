using TradeFlow.Domain.Events;

namespace TradeFlow.Domain.Serialization;

/// <summary>
/// The registry's current (type, name, version) list, repeated here so that <see cref="EventPayloadValidator"/> does
/// not initialise <see cref="DomainEventRegistry"/>: that builds the serializer metadata of every event type at once
/// (about a fifth of a second of start-up, measured), which a <c>verify</c> of a clean store never needs. A test
/// pins this list to <see cref="DomainEventRegistry.EventTypes"/>; a type missing here only loses the fast check.
/// </summary>
internal static class CurrentEvents
{
    /// <summary>Every current event type with its stable name and schema version.</summary>
    public static IReadOnlyList<(Type Type, string Name, int SchemaVersion)> Types { get; } =
    [
        (typeof(TradeBooked), "TradeBooked", 1),
        (typeof(TradeAmended), "TradeAmended", 1),
        (typeof(TradeCancelled), "TradeCancelled", 2),
        (typeof(TradeAllocated), "TradeAllocated", 1),
        (typeof(TradeConfirmed), "TradeConfirmed", 1),
        (typeof(TradeNovated), "TradeNovated", 1),
        (typeof(TradePartiallyTerminated), "TradePartiallyTerminated", 1),
        (typeof(SettlementInstructed), "SettlementInstructed", 1),
        (typeof(SettlementMatched), "SettlementMatched", 1),
        (typeof(SettlementSettled), "SettlementSettled", 1),
        (typeof(SettlementFailed), "SettlementFailed", 1),
        (typeof(TradeMatured), "TradeMatured", 1),
        (typeof(TradeRejected), "TradeRejected", 1),
        (typeof(CreditLimitChanged), "CreditLimitChanged", 1),
        (typeof(CreditLimitChangeRejected), "CreditLimitChangeRejected", 1),
    ];
}
