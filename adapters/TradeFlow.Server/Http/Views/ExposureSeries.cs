using TradeFlow.Domain.Values;

namespace TradeFlow.Server.Http.Views;

/// <summary>One counterparty's utilisation at each sample of an <see cref="ExposureHistory"/>.</summary>
/// <param name="Counterparty">The counterparty.</param>
/// <param name="Name">Its name.</param>
/// <param name="UtilisationPercent">Utilised ÷ hard limit × 100 at each sample (0 when it had nothing outstanding).</param>
public sealed record ExposureSeries(CounterpartyId Counterparty, string Name, IReadOnlyList<decimal> UtilisationPercent);
