using TradeFlow.Domain.Events;

namespace TradeFlow.Domain.Trades;

/// <summary>
/// Supplies the <see cref="TradeBooked.Enrichment"/> of each booking the decider creates (a capture, an
/// allocation child, a novation's new leg), so the engine's risk and compliance figures go into the event
/// when it is built instead of into a second copy made afterwards. The decider's rules do not read it.
/// </summary>
public interface IBookingEnricher
{
    /// <summary>The enrichment of a booking of <paramref name="economics"/> made by a <paramref name="kind"/> command; null for none.</summary>
    TradeEnrichment? Enrich(TradeCommandKind kind, TradeEconomics economics);
}
