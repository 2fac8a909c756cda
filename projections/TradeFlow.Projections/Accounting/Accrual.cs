using TradeFlow.Domain.DayCounts;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;

namespace TradeFlow.Projections.Accounting;

/// <summary>Accrued interest a bond trade settles with, by the domain's day counts (shared by accounting and settlement).</summary>
internal static class Accrual
{
    /// <summary>
    /// Accrued interest on the face amount at the settlement date, rounded to minor units; zero for anything
    /// but a government bond whose terms are known and which settles inside its life.
    /// </summary>
    public static decimal Of(TradeEconomics economics, AssetClass assetClass, Currency currency, ReferenceDataSet data)
    {
        if (assetClass != AssetClass.GovernmentBond
            || !data.TryGetInstrument(economics.Instrument, out var instrument)
            || instrument.Bond is not { } terms
            || economics.SettlementDate < terms.IssueDate
            || economics.SettlementDate >= terms.MaturityDate)
        {
            return 0m;
        }

        return AccruedInterest.On(terms, economics.Quantity, currency, economics.SettlementDate).Round().Amount;
    }
}
