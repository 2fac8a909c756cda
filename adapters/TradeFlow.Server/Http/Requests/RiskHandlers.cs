using MediatR;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Values;
using TradeFlow.EventSourcing;
using TradeFlow.Projections.Exposure;
using TradeFlow.Projections.Queries;
using TradeFlow.Projections.Runtime;
using TradeFlow.Server.Http.Views;

namespace TradeFlow.Server.Http.Requests;

/// <summary>Risk views the projections do not answer directly: P&amp;L per book, and utilisation over time.</summary>
internal sealed class RiskHandlers :
    IRequestHandler<GetPnl, IReadOnlyList<PnlLine>>,
    IRequestHandler<GetExposureHistory, ExposureHistory>
{
    private readonly ProjectionCatalog _catalog;
    private readonly IEventStore _store;
    private readonly ReferenceDataSet _referenceData;

    public RiskHandlers(ProjectionCatalog catalog, IEventStore store, ReferenceDataSet referenceData)
    {
        _catalog = catalog;
        _store = store;
        _referenceData = referenceData;
    }

    public Task<IReadOnlyList<PnlLine>> Handle(GetPnl request, CancellationToken cancellationToken)
    {
        var positions = _catalog.ReadExposure(request.View, x => x.Positions(request.Book));
        IReadOnlyList<PnlLine> lines =
        [
            .. positions
                .GroupBy(p => (p.Book, p.Currency))
                .OrderBy(g => g.Key.Book.ToString(), StringComparer.Ordinal).ThenBy(g => g.Key.Currency.Code, StringComparer.Ordinal)
                .Select(g => new PnlLine(g.Key.Book, g.Key.Currency, g.Sum(p => p.RealisedPnl), g.Sum(p => p.UnrealisedPnl ?? 0m),
                    g.Count(p => p.Quantity != 0m && p.UnrealisedPnl is null))),
        ];
        return Task.FromResult(lines);
    }

    /// <summary>
    /// One fold of a fresh exposure projection over the store, sampling utilisation every head ÷ points events,
    /// so the chart costs one read of history however many points it has.
    /// </summary>
    public async Task<ExposureHistory> Handle(GetExposureHistory request, CancellationToken cancellationToken)
    {
        var projection = new ExposureProjection(_referenceData);
        var asOf = request.KnownAt is { } known ? AsOf.AsKnownAt(known) : AsOf.Latest;
        var head = _store.HeadPosition.Value;
        var step = Math.Max(1, head / request.Points);
        var positions = new List<long>();
        var times = new List<DateTimeOffset>();
        var series = new Dictionary<CounterpartyId, List<decimal>>();
        ProjectionEvent last = default;
        await foreach (var e in ProjectionEvents.ReadAllAsync(_store, GlobalPosition.Start, cancellationToken).ConfigureAwait(false))
        {
            if (e.Position.Value > head)
            {
                break;
            }

            if (!asOf.Includes(e))
            {
                continue;
            }

            projection.Apply(e);
            last = e;
            if (e.Position.Value % step == 0)
            {
                Sample(projection, e, positions, times, series);
            }
        }

        if (last.Event is not null && (positions.Count == 0 || positions[^1] != last.Position.Value))
        {
            Sample(projection, last, positions, times, series);
        }

        return new ExposureHistory(positions, times,
            [.. series.OrderBy(s => s.Key.ToString(), StringComparer.Ordinal).Select(s => new ExposureSeries(s.Key, Name(s.Key), s.Value))]);
    }

    private static void Sample(ExposureProjection projection, in ProjectionEvent e, List<long> positions, List<DateTimeOffset> times,
        Dictionary<CounterpartyId, List<decimal>> series)
    {
        var index = positions.Count;
        positions.Add(e.Position.Value);
        times.Add(e.RecordedTime);
        foreach (var exposure in projection.CounterpartyExposures())
        {
            if (!series.TryGetValue(exposure.Counterparty, out var values))
            {
                values = [.. Enumerable.Repeat(0m, index)];
                series.Add(exposure.Counterparty, values);
            }

            values.Add(exposure.UtilisationPercent);
        }

        // A counterparty with nothing outstanding drops out of the projection's list: it is at zero.
        foreach (var values in series.Values.Where(v => v.Count == index))
        {
            values.Add(0m);
        }
    }

    private string Name(CounterpartyId id) => _referenceData.TryGetCounterparty(id, out var c) ? c.Name : id.ToString();
}
