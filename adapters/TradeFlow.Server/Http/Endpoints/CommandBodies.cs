// The JSON bodies of the command endpoints, one file as the request records: each is a flat record of strings and
// numbers that FieldErrors turns into domain values, naming every bad field.
namespace TradeFlow.Server.Http.Endpoints;

/// <summary>A booking: the trade's economics.</summary>
/// <param name="Instrument">ISIN or FX pair.</param>
/// <param name="Side">Buy or Sell (the bank's side).</param>
/// <param name="Quantity">Shares, face, or base-currency amount.</param>
/// <param name="Price">Price, clean percent of face, or FX rate.</param>
/// <param name="Counterparty">The counterparty's LEI.</param>
/// <param name="Book">The book.</param>
/// <param name="Trader">The trader.</param>
/// <param name="TradeDate">The trade date (yyyy-MM-dd).</param>
/// <param name="SettlementDate">The settlement date, or null to derive it.</param>
/// <param name="EffectiveTime">Execution time; the server's clock when absent.</param>
public sealed record BookTradeBody(
    string? Instrument,
    string? Side,
    decimal? Quantity,
    decimal? Price,
    string? Counterparty,
    string? Book,
    string? Trader,
    string? TradeDate,
    string? SettlementDate = null,
    string? EffectiveTime = null);

/// <summary>A cancellation.</summary>
/// <param name="Reason">Why (kept for audit).</param>
/// <param name="EffectiveTime">When it takes effect; now when absent.</param>
public sealed record CancelTradeBody(string? Reason, string? EffectiveTime = null);

/// <summary>A settlement status update.</summary>
/// <param name="MatchReference">For <c>matched</c>: the CSD or agent's matching reference.</param>
/// <param name="SettledOn">For <c>settled</c>: the actual settlement date.</param>
/// <param name="Reason">For <c>failed</c>: why.</param>
/// <param name="EffectiveTime">When it happened; now when absent.</param>
public sealed record SettlementStatusBody(string? MatchReference = null, string? SettledOn = null, string? Reason = null, string? EffectiveTime = null);

/// <summary>An admin's credit limit change.</summary>
/// <param name="Hard">The new hard limit (positive).</param>
/// <param name="Soft">The new soft limit (positive, at most the hard limit).</param>
/// <param name="Currency">The limit's currency (ISO 4217); it must be the limit's current currency — limits are not re-denominated.</param>
/// <param name="Reason">Why (kept for audit).</param>
/// <param name="EffectiveTime">When the new limit applies; now when absent.</param>
public sealed record ChangeCreditLimitBody(decimal? Hard, decimal? Soft, string? Currency, string? Reason, string? EffectiveTime = null);
