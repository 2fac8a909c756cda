using MediatR;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Engine;
using TradeFlow.Projections.Queries;
using TradeFlow.Server.Http.Views;

// The API's own MediatR requests (the projections' 11 queries cover the rest), one file as the projections' Requests.cs: each a one-line record.
namespace TradeFlow.Server.Http.Requests;

/// <summary>
/// A trade's state, folded from its stream; null when the stream is empty. <paramref name="KnownAt"/> cuts on recorded time,
/// <paramref name="EffectiveOn"/> on effective time (events effective by the end of that date, UTC).
/// </summary>
public sealed record GetTrade(TradeId TradeId, DateTimeOffset? KnownAt = null, BusinessDate? EffectiveOn = null) : IRequest<TradeView?>;

/// <summary>
/// Every event of a trade (its stream and the refusals addressed to it), in global order; never filtered by
/// <paramref name="EffectiveOn"/>, which only marks each entry effective by that date or not.
/// </summary>
public sealed record GetTradeHistory(TradeId TradeId, DateTimeOffset? KnownAt = null, BusinessDate? EffectiveOn = null)
    : IRequest<IReadOnlyList<TradeHistoryEntry>>;

/// <summary>The latest <paramref name="Limit"/> trade events, newest first.</summary>
public sealed record GetBlotter(int Limit = 50, DateTimeOffset? KnownAt = null) : IRequest<IReadOnlyList<BlotterRow>>;

/// <summary>P&amp;L per book and currency, optionally of one book.</summary>
public sealed record GetPnl(BookId? Book = null) : ProjectionQuery<IReadOnlyList<PnlLine>>;

/// <summary>Limit utilisation per counterparty over recorded time, sampled at up to <paramref name="Points"/> positions.</summary>
public sealed record GetExposureHistory(int Points = 60, DateTimeOffset? KnownAt = null) : IRequest<ExposureHistory>;

/// <summary>Submits a command through the engine on behalf of <paramref name="Actor"/> (logged).</summary>
public sealed record SubmitCommand(TradeCommand Command, string Actor, string Source) : IRequest<CommandOutcome>;

/// <summary>The process's metrics.</summary>
public sealed record GetMetrics : IRequest<MetricsView>;

/// <summary>Whether the service is ready.</summary>
public sealed record GetReadiness : IRequest<ReadinessView>;
