using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;

namespace TradeFlow.Server.Http.Views;

/// <summary>A trade's current state (or as known at a past instant), folded from its stream.</summary>
/// <param name="TradeId">The trade.</param>
/// <param name="Status">Its lifecycle status, or <c>Rejected</c> for a booking that was refused.</param>
/// <param name="Economics">The current economics; null for a refused booking.</param>
/// <param name="IsConfirmed">True once confirmed.</param>
/// <param name="SettlementAttempts">Settlement attempts instructed.</param>
/// <param name="SettledOn">The actual settlement date, once settled.</param>
/// <param name="LastFailReason">The last settlement fail's reason.</param>
/// <param name="ParentTradeId">The block, for an allocation child.</param>
/// <param name="Events">How many events its stream holds (in the view).</param>
/// <param name="LastRecordedTime">When the last of them was recorded.</param>
public sealed record TradeView(
    TradeId TradeId,
    string Status,
    TradeEconomics? Economics,
    bool IsConfirmed,
    int SettlementAttempts,
    BusinessDate? SettledOn,
    string? LastFailReason,
    TradeId? ParentTradeId,
    int Events,
    DateTimeOffset LastRecordedTime);
