using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Events;

/// <summary>The counterparty account a settlement leg was instructed to (copied from its SSI for audit).</summary>
/// <param name="Currency">The leg's currency.</param>
/// <param name="Account">The counterparty's account.</param>
/// <param name="AgentBic">The settlement agent.</param>
public sealed record SettlementAccount(Currency Currency, string Account, string AgentBic);
