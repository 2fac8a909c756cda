using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;

namespace TradeFlow.Projections.Exposure;

/// <summary>
/// The members of exposure's per-trade state row, in document order: the public <see cref="ExposureTrade"/> and the
/// fold's own <see cref="ExposureTradeState"/> both have them, so one writer writes either with the same bytes and one
/// rule measures either.
/// </summary>
internal interface IExposureRow
{
    TradeId TradeId { get; }

    TradeEconomics Economics { get; }

    AssetClass AssetClass { get; }

    Money Notional { get; }

    Money? RecordedContribution { get; }

    bool Settled { get; }

    bool Matured { get; }

    bool Closed { get; }
}
