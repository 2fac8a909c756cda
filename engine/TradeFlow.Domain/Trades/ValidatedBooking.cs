using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Trades;

/// <summary>
/// A capture's terms found valid against the reference data (<see cref="TradeDecider.TryValidateBooking"/>): the
/// economics with the settlement date resolved, the instrument's asset class and the gross notional — everything a
/// <c>TradeBooked</c> holds except what the trade's state decides (its id) and the engine's enrichment. None of it
/// depends on any trade, so a caller with a spare thread may compute it before the command's turn to be decided and
/// hand it in through <see cref="DecisionContext.ValidatedBooking"/>.
/// </summary>
/// <param name="Economics">The booking's economics.</param>
/// <param name="AssetClass">The instrument's asset class.</param>
/// <param name="Notional">Gross consideration in the instrument currency.</param>
public readonly record struct ValidatedBooking(TradeEconomics Economics, AssetClass AssetClass, Money Notional);
