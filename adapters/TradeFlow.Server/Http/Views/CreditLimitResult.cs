using TradeFlow.Domain.Values;

namespace TradeFlow.Server.Http.Views;

/// <summary>An accepted credit limit change (a refusal is a Problem Details 422 with the reasons).</summary>
/// <param name="Counterparty">The counterparty's LEI.</param>
/// <param name="Hard">The hard limit requested.</param>
/// <param name="Soft">The soft limit requested.</param>
/// <param name="Currency">The limit currency.</param>
/// <param name="Position">The global position of the <c>CreditLimitChanged</c> event (0 for a replayed duplicate, which wrote nothing).</param>
/// <param name="Duplicate">True when the idempotency key was seen before: the original change stands, this request changed nothing.</param>
public sealed record CreditLimitResult(CounterpartyId Counterparty, decimal Hard, decimal Soft, Currency Currency, long Position, bool Duplicate);
