using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Values;

namespace TradeFlow.Projections.Exposure;

/// <summary>
/// The counterparty exposure rule, in one pure place so it can be reconciled with the engine's
/// decision stage (docs/settlement.md, "Exposure rule"):
/// <list type="number">
/// <item>Settlement risk of a live, unsettled trade is what the bank gives up before it receives:
/// the engine's recorded <c>ExposureContribution</c> when the booking carries one, scaled by current
/// notional ÷ booked notional after an amendment or partial termination; otherwise the cash paid
/// (buys) or securities delivered at trade price (sells), i.e. the notional, and for an FX sale the
/// base amount delivered — converted to the limit currency at the reference FX rates.</item>
/// <item>Mark-to-market of an open FX forward (until it matures): quantity × (mark − deal rate),
/// signed by side, in the quote currency, converted; positive means the counterparty owes the bank.</item>
/// <item>Limit utilisation counts settlement risk plus the positive part of the counterparty's net MTM.</item>
/// </list>
/// </summary>
public static class ExposureRule
{
    /// <summary>The trade's settlement risk in <paramref name="limitCurrency"/>; zero once settled or closed.</summary>
    public static Money SettlementRisk(ExposureTrade trade, Currency limitCurrency, FxRates rates)
    {
        ArgumentNullException.ThrowIfNull(trade);
        ArgumentNullException.ThrowIfNull(rates);
        if (!trade.HasSettlementRisk)
        {
            return Money.Zero(limitCurrency);
        }

        if (trade.RecordedContribution is { } recorded && recorded.Currency == limitCurrency)
        {
            var ratio = trade.BookedNotional.IsZero ? 1m : trade.Notional.Amount / trade.BookedNotional.Amount;
            return (recorded * ratio).Round();
        }

        var givenUp = trade.IsFx && trade.Economics.Side == Side.Sell
            ? new Money(trade.Economics.Quantity.Value, trade.Economics.Instrument.Base)
            : trade.Notional.Abs();
        return Convert(givenUp, limitCurrency, rates);
    }

    /// <summary>The mark-to-market of an open FX forward in <paramref name="limitCurrency"/> (zero for anything else).</summary>
    public static Money MarkToMarket(ExposureTrade trade, Currency limitCurrency, ReferenceDataSet referenceData)
    {
        ArgumentNullException.ThrowIfNull(trade);
        ArgumentNullException.ThrowIfNull(referenceData);
        if (trade.Closed || trade.Matured || trade.AssetClass != AssetClass.FxForward
            || !TryMark(trade, referenceData, out var mark))
        {
            return Money.Zero(limitCurrency);
        }

        var sign = trade.Economics.Side == Side.Buy ? 1m : -1m;
        var mtm = new Money(sign * trade.Economics.Quantity.Value * (mark - trade.Economics.Price.Value),
            trade.Economics.Instrument.Quote);
        return Convert(mtm, limitCurrency, referenceData.FxRates);
    }

    /// <summary>The FX forward's mark: the instrument's end-of-day mark, else the reference cross rate.</summary>
    public static bool TryMark(ExposureTrade trade, ReferenceDataSet referenceData, out decimal mark)
    {
        ArgumentNullException.ThrowIfNull(trade);
        ArgumentNullException.ThrowIfNull(referenceData);
        if (referenceData.Marks.TryGetPrice(trade.Economics.Instrument, out var price))
        {
            mark = price.Value;
            return true;
        }

        return referenceData.FxRates.TryGetRate(trade.Economics.Instrument.Base, trade.Economics.Instrument.Quote, out mark);
    }

    private static Money Convert(Money amount, Currency to, FxRates rates) =>
        rates.TryConvert(amount, to, out var converted) ? converted.Round() : throw new InvalidOperationException(
            $"No FX rate from {amount.Currency} to {to}: exposure cannot be measured (reference data is validated to cover every instrument currency).");
}
