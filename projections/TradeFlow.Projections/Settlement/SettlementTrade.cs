using System.Text.Json.Serialization;
using System.Collections.Immutable;
using TradeFlow.Domain.Events;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;

namespace TradeFlow.Projections.Settlement;

/// <summary>A trade as settlement knows it; its obligations follow from it by <see cref="SettlementRules"/>.</summary>
/// <param name="TradeId">The trade.</param>
/// <param name="Economics">Current economics.</param>
/// <param name="AssetClass">Asset class at booking.</param>
/// <param name="Notional">Current clean consideration in the instrument currency.</param>
/// <param name="AccruedInterest">Accrued interest the cash leg includes (bonds), rounded.</param>
/// <param name="Status">Settlement status.</param>
/// <param name="Attempt">Settlement attempts instructed.</param>
/// <param name="InstructedAccounts">The accounts of the last instruction (override the SSIs looked up).</param>
/// <param name="FailReason">The last fail's reason, while failed.</param>
/// <param name="FailedAt">When the last fail was reported (effective time), while failed.</param>
/// <param name="SettledOn">The actual settlement date, once settled.</param>
/// <param name="Position">The global position of the last event that changed the trade (traceability).</param>
public sealed record SettlementTrade(
    TradeId TradeId,
    TradeEconomics Economics,
    AssetClass AssetClass,
    Money Notional,
    decimal AccruedInterest,
    SettlementStatus Status,
    int Attempt,
    ImmutableArray<SettlementAccount> InstructedAccounts,
    string? FailReason,
    DateTimeOffset? FailedAt,
    BusinessDate? SettledOn,
    long Position) : ISettlementRow
{
    /// <summary>True for an FX spot or forward.</summary>
    [JsonIgnore]
    public bool IsFx => AssetClass is AssetClass.FxSpot or AssetClass.FxForward;

    /// <summary>True while obligations are outstanding.</summary>
    [JsonIgnore]
    public bool IsOutstanding => Status is not (SettlementStatus.Settled or SettlementStatus.Closed);
}
