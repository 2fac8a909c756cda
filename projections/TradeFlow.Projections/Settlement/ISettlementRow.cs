using System.Collections.Immutable;
using TradeFlow.Domain.Events;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;

namespace TradeFlow.Projections.Settlement;

/// <summary>
/// The members of settlement's per-trade state row, in document order: the public <see cref="SettlementTrade"/> and the
/// fold's own <see cref="SettlementTradeState"/> both have them, so one writer writes either with the same bytes.
/// </summary>
internal interface ISettlementRow
{
    TradeId TradeId { get; }

    TradeEconomics Economics { get; }

    AssetClass AssetClass { get; }

    Money Notional { get; }

    decimal AccruedInterest { get; }

    SettlementStatus Status { get; }

    int Attempt { get; }

    ImmutableArray<SettlementAccount> InstructedAccounts { get; }

    string? FailReason { get; }

    DateTimeOffset? FailedAt { get; }

    BusinessDate? SettledOn { get; }

    long Position { get; }
}
