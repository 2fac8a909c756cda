using System.Collections.Immutable;

namespace TradeFlow.Projections.Settlement;

/// <summary>The settlement state in canonical form: trades by id (obligations follow from them).</summary>
/// <param name="Trades">Trades by id.</param>
public sealed record SettlementDocument(ImmutableArray<SettlementTrade> Trades);
