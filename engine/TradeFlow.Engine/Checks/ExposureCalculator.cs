using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Values;

namespace TradeFlow.Engine.Checks;

/// <summary>
/// The one exposure rule, shared by the risk stage (enrichment of a capture) and the decision state
/// (amendments, terminations, allocation children, novations and recovery), so both always agree.
/// Exposure is the gross notional converted into the counterparty's limit currency: the simplest
/// settlement-risk measure (what the bank stands to lose if the counterparty fails to deliver),
/// counted from booking until settlement.
/// </summary>
internal static class ExposureCalculator
{
    /// <summary>Computes the figures; false when the instrument, counterparty or an FX rate is missing.</summary>
    public static bool TryCompute(ReferenceDataSet data, InstrumentId instrumentId, Quantity quantity, Price price,
        CounterpartyId counterpartyId, out ExposureFigures figures)
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
            || !data.FxRates.TryConvert(notional, limit.Currency, out var exposure))
        {
            return false;
        }

        figures = new ExposureFigures(notional, inBase.Round(), exposure.Round(), limit.LimitId);
        return true;
    }
}
