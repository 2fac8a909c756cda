using TradeFlow.Domain.Values;

namespace TradeFlow.Projections.Exposure;

/// <summary>A credit limit changed through the admin API (the latest <c>CreditLimitChanged</c> of its counterparty).</summary>
/// <param name="Counterparty">The counterparty.</param>
/// <param name="LimitId">The limit's id.</param>
/// <param name="Hard">The hard limit in force.</param>
/// <param name="Soft">The soft limit in force.</param>
public sealed record LimitInForce(CounterpartyId Counterparty, string LimitId, Money Hard, Money Soft);
