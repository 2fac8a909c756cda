using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Risk;
using TradeFlow.Domain.Values;

namespace TradeFlow.Engine.Checks;

/// <summary>
/// The engine's figures for a trade, shared by the risk stage (enrichment of a capture) and the decision state
/// (amendments, terminations, allocation children, novations and recovery), so both always agree. The exposure
/// under the counterparty's credit limit is the domain's <see cref="SettlementRisk"/> rule — the same one the
/// exposure projection reports with — counted from booking until settlement.
/// </summary>
internal static class ExposureCalculator
{
    /// <summary>Computes the figures; false when the instrument, counterparty or an FX rate is missing.</summary>
    public static bool TryCompute(ReferenceDataSet data, InstrumentId instrumentId, Side side, Quantity quantity,
        Price price, CounterpartyId counterpartyId, out ExposureFigures figures)
    {
        figures = default;
        if (!data.TryGetInstrument(instrumentId, out var instrument)
            || !data.TryGetCounterparty(counterpartyId, out var counterparty))
        {
            return false;
        }

        var notional = instrument.GrossAmount(quantity, price);
        var limit = counterparty.CreditLimit;
        if (!data.FxRates.TryConvertToBase(notional, out var inBase)
            || !SettlementRisk.TryMeasure(instrument, side, quantity, price, limit.Currency, data.FxRates, out var exposure))
        {
            return false;
        }

        figures = new ExposureFigures(notional, inBase.Round(), exposure, limit.LimitId);
        return true;
    }
}
