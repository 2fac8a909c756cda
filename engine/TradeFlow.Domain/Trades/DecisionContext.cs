using TradeFlow.Domain.Events;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Trades;

/// <summary>
/// What the decider needs besides the state and the command. The engine owns the id sequence:
/// new trades (a booking, allocation children, a novation's new leg) take consecutive ids from
/// <see cref="NextTradeId"/>, and <see cref="Decision.TradeIdsUsed"/> tells the engine how far to advance.
/// </summary>
/// <param name="ReferenceData">Reference data to validate against.</param>
/// <param name="NextTradeId">The first unused trade id.</param>
/// <param name="ConfirmationPolicy">Which asset classes need confirmation before settlement; null for the default.</param>
/// <param name="Enricher">Fills in each new booking's enrichment; null leaves it empty (the decision is the same either way).</param>
/// <param name="ValidatedBooking">
/// For a <see cref="BookTrade"/> only: its terms as <see cref="TradeDecider.TryValidateBooking"/> found them valid against
/// <paramref name="ReferenceData"/>, so the decider does not validate them again (the decision is the same); null to
/// validate here. The decider takes it only when it was made for this very command and this very reference data (the
/// same objects) and validates the terms itself otherwise.
/// </param>
public readonly record struct DecisionContext(
    ReferenceDataSet ReferenceData,
    TradeId NextTradeId,
    ConfirmationPolicy? ConfirmationPolicy = null,
    IBookingEnricher? Enricher = null,
    ValidatedBooking? ValidatedBooking = null)
{
    /// <summary>The policy in force (<see cref="ConfirmationPolicy.Default"/> when none was given).</summary>
    public ConfirmationPolicy Confirmation => ConfirmationPolicy ?? Trades.ConfirmationPolicy.Default;

    /// <summary>The enrichment of a new booking by <paramref name="kind"/>, from <see cref="Enricher"/> (null without one).</summary>
    internal TradeEnrichment? EnrichmentOf(TradeCommandKind kind, TradeEconomics economics) =>
        Enricher?.Enrich(kind, economics);
}
