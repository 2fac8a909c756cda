using System.Collections.Immutable;
using TradeFlow.Domain.Values;

namespace TradeFlow.Projections.Exposure;

/// <summary>A counterparty's exposure against its credit limit, all amounts in the limit currency (see <see cref="ExposureRule"/>).</summary>
/// <param name="Counterparty">The counterparty.</param>
/// <param name="LimitId">The credit limit's id.</param>
/// <param name="Currency">The limit currency.</param>
/// <param name="SettlementRisk">Sum of settlement risk of live unsettled trades.</param>
/// <param name="MtmGross">Sum of positive FX forward marks-to-market (no netting).</param>
/// <param name="MtmNet">Net FX forward mark-to-market (can be negative).</param>
/// <param name="Utilised">Settlement risk + max(net MTM, 0): what the limit is measured on.</param>
/// <param name="GrossExposure">Settlement risk + gross MTM.</param>
/// <param name="HardLimit">The hard limit.</param>
/// <param name="SoftLimit">The soft limit.</param>
/// <param name="UtilisationPercent">Utilised ÷ hard limit × 100, rounded to 2 places.</param>
/// <param name="Headroom">Hard limit − utilised (negative when breached).</param>
/// <param name="Breach">Soft or hard breach.</param>
/// <param name="ByValueDate">Settlement risk by value date.</param>
public sealed record CounterpartyExposure(
    CounterpartyId Counterparty,
    string LimitId,
    Currency Currency,
    decimal SettlementRisk,
    decimal MtmGross,
    decimal MtmNet,
    decimal Utilised,
    decimal GrossExposure,
    decimal HardLimit,
    decimal SoftLimit,
    decimal UtilisationPercent,
    decimal Headroom,
    LimitBreach Breach,
    ImmutableArray<ValueDateAmount> ByValueDate);
