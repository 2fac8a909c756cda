using TradeFlow.Domain.Values;

namespace TradeFlow.Engine.Checks;

/// <summary>
/// What a trade's economics weigh in risk terms: its notional in the instrument currency and in the bank's
/// base currency, and the exposure it adds under its counterparty's credit limit (in the limit currency).
/// </summary>
/// <param name="Notional">Gross consideration in the instrument currency.</param>
/// <param name="NotionalInBase">The notional in the bank's base currency (what the decision state's settlement ladder sums by value date).</param>
/// <param name="Exposure">The exposure contribution in the limit currency, by the domain's <c>SettlementRisk</c> rule.</param>
/// <param name="LimitId">The credit limit the exposure counts against.</param>
internal readonly record struct ExposureFigures(Money Notional, Money NotionalInBase, Money Exposure, string LimitId);
