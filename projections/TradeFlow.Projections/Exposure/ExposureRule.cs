using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Values;

namespace TradeFlow.Projections.Exposure;

/// <summary>
/// The counterparty exposure rules, in one pure place (docs/settlement.md, "Exposure rule"):
/// <list type="number">
/// <item>Settlement risk of a live, unsettled trade is the domain's <see cref="Domain.Risk.SettlementRisk"/> rule —
/// the one the engine's decision stage checks credit limits with: the full value the bank is due to receive
/// (for FX, the currency purchased), converted to the limit currency at the reference rates and rounded. The
/// engine's recorded <c>ExposureContribution</c> is used while the trade is as booked (it was measured at the
/// rates the booking was decided on); an amendment or partial termination re-measures it, as the engine does.</item>
/// <item>Mark-to-market of an open FX forward (until it matures): quantity × (mark − deal rate),
/// signed by side, in the quote currency, converted; positive means the counterparty owes the bank.</item>
/// <item>Limit utilisation counts settlement risk plus the positive part of the counterparty's net MTM.</item>
/// </list>
/// </summary>
public static class ExposureRule
{
    /// <summary>The trade's settlement risk in <paramref name="limitCurrency"/>; zero once settled or closed.</summary>
    /// <exception cref="InvalidOperationException">The reference data cannot price the trade (unknown instrument or FX rate).</exception>
    public static Money SettlementRisk(ExposureTrade trade, Currency limitCurrency, ReferenceDataSet referenceData)
    {
        ArgumentNullException.ThrowIfNull(trade);
        ArgumentNullException.ThrowIfNull(referenceData);
        return SettlementRiskOf(trade, limitCurrency, referenceData);
    }

    /// <summary>As <see cref="SettlementRisk"/>, for the public record or the fold's own state alike.</summary>
    internal static Money SettlementRiskOf<TTrade>(TTrade trade, Currency limitCurrency, ReferenceDataSet referenceData)
        where TTrade : IExposureRow
    {
        if (trade.Closed || trade.Settled)
        {
            return Money.Zero(limitCurrency);
        }

        if (trade.RecordedContribution is { } recorded && recorded.Currency == limitCurrency)
        {
            return recorded;
        }

        var e = trade.Economics;
        return referenceData.TryGetInstrument(e.Instrument, out var instrument)
            && Domain.Risk.SettlementRisk.TryMeasure(instrument, e.Side, e.Quantity, e.Price, limitCurrency,
                referenceData.FxRates, out var exposure)
                ? exposure
                : throw new InvalidOperationException(
                    $"Trade {trade.TradeId}: no instrument {e.Instrument} or FX rate into {limitCurrency}, so its settlement risk cannot be measured (reference data is validated to cover every instrument currency).");
    }

    /// <summary>The mark-to-market of an open FX forward in <paramref name="limitCurrency"/> (zero for anything else).</summary>
    public static Money MarkToMarket(ExposureTrade trade, Currency limitCurrency, ReferenceDataSet referenceData)
    {
        ArgumentNullException.ThrowIfNull(trade);
        ArgumentNullException.ThrowIfNull(referenceData);
        return MarkToMarketOf(trade, limitCurrency, referenceData);
    }

    /// <summary>As <see cref="MarkToMarket"/>, for the public record or the fold's own state alike.</summary>
    internal static Money MarkToMarketOf<TTrade>(TTrade trade, Currency limitCurrency, ReferenceDataSet referenceData)
        where TTrade : IExposureRow
    {
        if (trade.Closed || trade.Matured || trade.AssetClass != AssetClass.FxForward
            || !TryMark(trade.Economics.Instrument, referenceData, out var mark))
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
        return TryMark(trade.Economics.Instrument, referenceData, out mark);
    }

    private static bool TryMark(InstrumentId instrument, ReferenceDataSet referenceData, out decimal mark)
    {
        if (referenceData.Marks.TryGetPrice(instrument, out var price))
        {
            mark = price.Value;
            return true;
        }

        return referenceData.FxRates.TryGetRate(instrument.Base, instrument.Quote, out mark);
    }

    private static Money Convert(Money amount, Currency to, FxRates rates) =>
        rates.TryConvert(amount, to, out var converted) ? converted.Round() : throw new InvalidOperationException(
            $"No FX rate from {amount.Currency} to {to}: exposure cannot be measured (reference data is validated to cover every instrument currency).");
}
