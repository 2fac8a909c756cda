using TradeFlow.Domain.Values;
using TradeFlow.Projections.Exposure;

namespace TradeFlow.Server.Http.Views;

/// <summary>A counterparty's exposure against its limit, with its name (the projection's row, flattened for clients).</summary>
/// <param name="Counterparty">The counterparty's LEI.</param>
/// <param name="Name">Its name from reference data.</param>
/// <param name="LimitId">The credit limit.</param>
/// <param name="Currency">The limit currency of every amount.</param>
/// <param name="SettlementRisk">Settlement risk of live unsettled trades.</param>
/// <param name="MtmNet">Net FX forward mark-to-market.</param>
/// <param name="Utilised">What the limit is measured on.</param>
/// <param name="HardLimit">The hard limit.</param>
/// <param name="SoftLimit">The soft limit.</param>
/// <param name="UtilisationPercent">Utilised ÷ hard limit × 100.</param>
/// <param name="Headroom">Hard limit − utilised.</param>
/// <param name="Breach">None, Soft or Hard.</param>
/// <param name="ByValueDate">Settlement risk by value date.</param>
public sealed record ExposureView(
    CounterpartyId Counterparty,
    string Name,
    string LimitId,
    Currency Currency,
    decimal SettlementRisk,
    decimal MtmNet,
    decimal Utilised,
    decimal HardLimit,
    decimal SoftLimit,
    decimal UtilisationPercent,
    decimal Headroom,
    LimitBreach Breach,
    IReadOnlyList<ValueDateAmount> ByValueDate)
{
    /// <summary>Flattens a projection row.</summary>
    public static ExposureView From(CounterpartyExposure e, string name)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Counterparty, name, e.LimitId, e.Currency, e.SettlementRisk, e.MtmNet, e.Utilised, e.HardLimit, e.SoftLimit,
            e.UtilisationPercent, e.Headroom, e.Breach, e.ByValueDate);
    }
}
