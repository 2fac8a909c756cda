namespace TradeFlow.Server.Http.Views;

/// <summary>Limit utilisation over recorded time: one sample per point, one series per counterparty.</summary>
/// <param name="Positions">The global position each sample was taken after.</param>
/// <param name="Times">The recorded time of that event.</param>
/// <param name="Series">Utilisation (percent of hard limit) per counterparty at each sample.</param>
public sealed record ExposureHistory(IReadOnlyList<long> Positions, IReadOnlyList<DateTimeOffset> Times, IReadOnlyList<ExposureSeries> Series);
