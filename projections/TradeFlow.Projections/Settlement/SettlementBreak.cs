using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Values;

namespace TradeFlow.Projections.Settlement;

/// <summary>A settlement exception: a trade that cannot be instructed in a currency — a task for the back office, not a crash.</summary>
/// <param name="TradeId">The trade.</param>
/// <param name="Counterparty">The counterparty.</param>
/// <param name="Currency">The currency without an instruction.</param>
/// <param name="AssetClass">The asset class the SSI is looked up for.</param>
/// <param name="Reason">Why.</param>
public sealed record SettlementBreak(TradeId TradeId, CounterpartyId Counterparty, Currency Currency, AssetClass AssetClass,
    string Reason);
