using System.Collections.Immutable;
using TradeFlow.Projections.Accounting;

namespace TradeFlow.Projections.Exposure;

/// <summary>The exposure state in canonical form: trades by id and each position's movements in booking order.</summary>
/// <param name="Trades">Trades by id.</param>
/// <param name="Positions">Position inventories by book and instrument.</param>
/// <param name="Limits">Credit limits changed through the admin API, by counterparty; null when none was (so states
/// without a change keep the shape, and the hash, they had before limit changes existed).</param>
public sealed record ExposureDocument(ImmutableArray<ExposureTrade> Trades, ImmutableArray<InventoryRow> Positions,
    IReadOnlyList<LimitInForce>? Limits = null);
