using System.Text.Json.Serialization;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;

namespace TradeFlow.Projections.Exposure;

/// <summary>A trade as the exposure projection knows it.</summary>
/// <param name="TradeId">The trade.</param>
/// <param name="Economics">Current economics.</param>
/// <param name="AssetClass">Asset class at booking.</param>
/// <param name="Notional">Current gross consideration in the instrument currency.</param>
/// <param name="RecordedContribution">The engine's <c>TradeBooked.Enrichment.ExposureContribution</c> while the trade is
/// as booked; null when none was recorded or once an amendment or partial termination changed the economics.</param>
/// <param name="Settled">True once settled: no settlement risk left.</param>
/// <param name="Matured">True once matured: no mark-to-market left.</param>
/// <param name="Closed">True once cancelled, allocated or novated: the trade no longer counts at all.</param>
public sealed record ExposureTrade(
    TradeId TradeId,
    TradeEconomics Economics,
    AssetClass AssetClass,
    Money Notional,
    Money? RecordedContribution,
    bool Settled = false,
    bool Matured = false,
    bool Closed = false) : IExposureRow
{
    /// <summary>True for an FX spot or forward.</summary>
    [JsonIgnore]
    public bool IsFx => AssetClass is AssetClass.FxSpot or AssetClass.FxForward;

    /// <summary>True while the trade carries settlement risk.</summary>
    [JsonIgnore]
    public bool HasSettlementRisk => !Closed && !Settled;
}
