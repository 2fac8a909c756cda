using System.Collections.Immutable;
using TradeFlow.Domain.Values;

namespace TradeFlow.Projections.Accounting;

/// <summary>A cost inventory in canonical form.</summary>
/// <param name="Book">The book.</param>
/// <param name="Instrument">The instrument.</param>
/// <param name="Currency">The instrument currency.</param>
/// <param name="Method">The cost method.</param>
/// <param name="Movements">Live movements in booking order.</param>
/// <param name="Cost">Position at cost (checked against a refold on restore).</param>
/// <param name="Realised">Realised P&amp;L (checked against a refold on restore).</param>
public sealed record InventoryRow(
    BookId Book,
    InstrumentId Instrument,
    Currency Currency,
    CostMethod Method,
    ImmutableArray<Movement> Movements,
    decimal Cost,
    decimal Realised);
