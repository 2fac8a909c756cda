using System.Text.Json.Serialization;
using System.Collections.Immutable;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;

namespace TradeFlow.Projections.Accounting;

/// <summary>A trade as accounting knows it: its economics, consideration and the open lines a reversal must undo.</summary>
/// <param name="TradeId">The trade.</param>
/// <param name="Economics">Current economics.</param>
/// <param name="AssetClass">Asset class at booking.</param>
/// <param name="Notional">Gross consideration in the instrument currency, unrounded, as the event recorded it.</param>
/// <param name="AccruedInterest">Accrued interest bought or sold (bonds), rounded.</param>
/// <param name="OpenLines">The trade's receivable/payable lines still open (empty once settled or closed).</param>
/// <param name="Settled">True once settled.</param>
/// <param name="Closed">True once cancelled, allocated or novated.</param>
public sealed record AccountingTrade(
    TradeId TradeId,
    TradeEconomics Economics,
    AssetClass AssetClass,
    Money Notional,
    decimal AccruedInterest,
    ImmutableArray<PostingLine> OpenLines,
    bool Settled = false,
    bool Closed = false)
{
    /// <summary>The clean consideration rounded to minor units.</summary>
    [JsonIgnore]
    public decimal Consideration => Notional.Round().Amount;

    /// <summary>True for an FX spot or forward.</summary>
    [JsonIgnore]
    public bool IsFx => AssetClass is AssetClass.FxSpot or AssetClass.FxForward;
}
