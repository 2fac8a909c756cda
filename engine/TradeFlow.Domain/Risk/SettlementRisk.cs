using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Risk;

/// <summary>
/// The one settlement-risk rule: what a live, unsettled trade puts at risk under its counterparty's credit
/// limit. The engine's decision stage checks limits with it and the exposure projection reports with it,
/// so the number a risk officer reads is the number a booking was accepted or refused on.
/// </summary>
/// <remarks>
/// <para>
/// The amount at risk is the <b>full value of what the bank is due to receive</b>, at the deal's terms:
/// the definition of settlement (principal, "Herstatt") exposure in the CPSS report "Settlement risk in
/// foreign exchange transactions" (BIS, 1996, appendix 1), which the BCBS FX settlement guidance (2013)
/// builds on: the amount at risk is the full amount of the currency purchased, exposed from the moment the
/// bank's own leg can no longer be recalled until the counterparty's leg is received with finality. A
/// credit officer sets settlement limits on exactly this figure. Concretely:
/// </para>
/// <list type="bullet">
/// <item>FX buy (bank buys the base currency): the base amount, i.e. the quantity in the base currency.</item>
/// <item>FX sale (bank buys the quote currency): the quote amount, i.e. quantity × deal rate — not the base
/// amount the bank delivers. The two differ only by the deal's mark-to-market, which the exposure view
/// reports separately as replacement risk, so counting the purchased leg never double counts it.</item>
/// <item>Securities buy: the securities due, valued at the trade price (the gross consideration); securities
/// sale: the cash due, the gross consideration. Both equal <see cref="Instrument.GrossAmount"/> (clean, before
/// accrued interest for bonds).</item>
/// </list>
/// <para>
/// The amount is converted into the limit currency at the reference FX rates and rounded to the limit
/// currency's minor unit, once per trade, so a limit's utilisation is a sum of cent amounts that any replay
/// reproduces exactly. A booking records its figure (<c>TradeEnrichment.ExposureContribution</c>) at the
/// rates it was decided on; an amendment or partial termination re-measures the trade with this rule.
/// </para>
/// </remarks>
public static class SettlementRisk
{
    /// <summary>
    /// The full value the bank is due to receive from the counterparty, in the currency it is due in
    /// (the base currency for an FX buy, otherwise the instrument currency).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="instrument"/> is null.</exception>
    public static Money AmountDue(Instrument instrument, Side side, Quantity quantity, Price price)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var isFx = instrument.AssetClass is AssetClass.FxSpot or AssetClass.FxForward;
        return isFx && side == Side.Buy
            ? new Money(quantity.Value, instrument.Id.Base)
            : instrument.GrossAmount(quantity, price);
    }

    /// <summary>
    /// The trade's settlement risk in <paramref name="limitCurrency"/>, rounded to its minor unit; false
    /// (and a default amount) when <paramref name="rates"/> cannot convert the amount due.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="instrument"/> or <paramref name="rates"/> is null.</exception>
    public static bool TryMeasure(Instrument instrument, Side side, Quantity quantity, Price price,
        Currency limitCurrency, FxRates rates, out Money exposure)
    {
        ArgumentNullException.ThrowIfNull(rates);
        if (!rates.TryConvert(AmountDue(instrument, side, quantity, price), limitCurrency, out var converted))
        {
            exposure = default;
            return false;
        }

        exposure = converted.Round();
        return true;
    }
}
