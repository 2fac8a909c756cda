using System.Collections.Immutable;
using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Events;

/// <summary>
/// What the engine's risk and compliance stages add to a booking, so that every number is traceable
/// to the event that caused it. Every field is optional: the domain decides without them.
/// </summary>
/// <param name="NotionalInBase">The notional converted to the bank's base currency.</param>
/// <param name="ExposureContribution">What the trade adds to counterparty exposure, in the limit currency.</param>
/// <param name="CounterpartyLimitId">The credit limit the exposure counts against.</param>
/// <param name="ComplianceWarnings">Warnings that did not block the booking (soft limit breached, ...).</param>
public sealed record TradeEnrichment(
    Money? NotionalInBase = null,
    Money? ExposureContribution = null,
    string? CounterpartyLimitId = null,
    ImmutableArray<string> ComplianceWarnings = default)
{
    /// <summary>Warnings that did not block the booking; never default.</summary>
    public ImmutableArray<string> ComplianceWarnings { get; init; } =
        ComplianceWarnings.IsDefault ? [] : ComplianceWarnings;
}
