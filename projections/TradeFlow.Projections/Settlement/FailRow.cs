using TradeFlow.Domain.Values;

namespace TradeFlow.Projections.Settlement;

/// <summary>A failed settlement and its age.</summary>
/// <param name="TradeId">The trade.</param>
/// <param name="Counterparty">The counterparty.</param>
/// <param name="Reason">The fail's reason.</param>
/// <param name="Attempt">The attempt that failed.</param>
/// <param name="ContractualDate">The contractual settlement date.</param>
/// <param name="AgeBusinessDays">Business days from the contractual date to the as-of date (calendar of the settlement currencies).</param>
public sealed record FailRow(TradeId TradeId, CounterpartyId Counterparty, string Reason, int Attempt,
    BusinessDate ContractualDate, int AgeBusinessDays);
