using System.Text.Json;
using MediatR;
using TradeFlow.Domain.Events;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.EventSourcing;
using TradeFlow.Projections.Runtime;
using TradeFlow.Server.Http.Views;

namespace TradeFlow.Server.Http.Requests;

/// <summary>Reads of trades straight from the store: a trade's state, its audit trail, the blotter.</summary>
internal sealed class TradeReadHandlers :
    IRequestHandler<GetTrade, TradeView?>,
    IRequestHandler<GetTradeHistory, IReadOnlyList<TradeHistoryEntry>>,
    IRequestHandler<GetBlotter, IReadOnlyList<BlotterRow>>
{
    /// <summary>How far back the blotter looks for rows recorded before an <c>asOf</c> (bounds one request's work).</summary>
    private const int BlotterScanLimit = 100_000;

    private readonly IEventStore _store;

    public TradeReadHandlers(IEventStore store) => _store = store;

    public async Task<TradeView?> Handle(GetTrade request, CancellationToken cancellationToken)
    {
        var events = await ReadTradeAsync(request.TradeId, request.KnownAt, cancellationToken).ConfigureAwait(false);
        if (EffectiveCutoff(request.EffectiveOn) is { } cutoff)
        {
            events.RemoveAll(e => e.EffectiveTime > cutoff);
        }

        if (events.Count == 0)
        {
            return null;
        }

        var domain = events.Select(e => (ITradeEvent)ProjectionRead(e)).ToList();
        var trade = FoldFromBooking(domain.Where((_, i) => events[i].StreamId.StartsWith("trade-", StringComparison.Ordinal)));
        if (trade is null && !events.Exists(e => e.StreamId.StartsWith("rejections-", StringComparison.Ordinal)))
        {
            // Only events effective before the booking itself: the trade did not exist yet on that date.
            return null;
        }

        var last = events[^1].RecordedTime;
        return trade is null
            ? new TradeView(request.TradeId, "Rejected", null, false, 0, null, null, null, events.Count, last)
            : new TradeView(trade.Id, trade.Status.ToString(), trade.Economics, trade.IsConfirmed, trade.SettlementAttempts,
                trade.SettledOn, trade.LastFailReason, trade.ParentTradeId, events.Count, last);
    }

    public async Task<IReadOnlyList<TradeHistoryEntry>> Handle(GetTradeHistory request, CancellationToken cancellationToken)
    {
        var events = await ReadTradeAsync(request.TradeId, request.KnownAt, cancellationToken).ConfigureAwait(false);
        var cutoff = EffectiveCutoff(request.EffectiveOn);
        return [.. events.Select(e => ToEntry(e) with { EffectiveOnDate = cutoff is { } c ? e.EffectiveTime <= c : null })];
    }

    public async Task<IReadOnlyList<BlotterRow>> Handle(GetBlotter request, CancellationToken cancellationToken)
    {
        var rows = new List<BlotterRow>(request.Limit);
        var scanned = 0;
        await foreach (var recorded in _store.ReadAllAsync(GlobalPosition.End, Direction.Backwards, BlotterScanLimit, cancellationToken)
                           .ConfigureAwait(false))
        {
            scanned++;
            if ((request.KnownAt is { } known && recorded.RecordedTime > known) || !ProjectionEvents.TryRead(recorded, out var e)
                || !BlotterRow.Shows(e.Event))
            {
                continue;
            }

            rows.Add(BlotterRow.From(recorded.Position.Value, e.Event, recorded.RecordedTime, recorded.Actor));
            if (rows.Count == request.Limit)
            {
                break;
            }
        }

        return rows;
    }

    private async Task<List<RecordedEvent>> ReadTradeAsync(Domain.Values.TradeId id, DateTimeOffset? knownAt, CancellationToken cancellationToken)
    {
        var events = new List<RecordedEvent>();
        foreach (var stream in new[] { "trade-" + id, "rejections-" + id })
        {
            await foreach (var recorded in _store.ReadStreamAsync(stream, Direction.Forwards, 0, long.MaxValue, cancellationToken).ConfigureAwait(false))
            {
                if (knownAt is not { } known || recorded.RecordedTime <= known)
                {
                    events.Add(recorded);
                }
            }
        }

        events.Sort((a, b) => a.Position.CompareTo(b.Position));
        return events;
    }

    // The projections' rule (AsOf.EffectiveOn): effective by the end of the date, UTC.
    private static DateTimeOffset? EffectiveCutoff(BusinessDate? date) =>
        date is { } d ? AsOf.Latest.EffectiveOn(d).EffectiveAt : null;

    // As Trade.Replay, except that an event effective before the booking itself (a back-dated amendment dated
    // before execution) is skipped while the trade does not exist yet on the effective axis, instead of failing.
    private static Trade? FoldFromBooking(IEnumerable<ITradeEvent> events)
    {
        Trade? state = null;
        foreach (var evt in events)
        {
            if (state is null && evt is not (TradeBooked or TradeRejected))
            {
                continue;
            }

            state = Trade.Evolve(state, evt);
        }

        return state;
    }

    private static ITradeEvent ProjectionRead(RecordedEvent recorded) =>
        ProjectionEvents.TryRead(recorded, out var e)
            ? e.Event
            : throw new InvalidDataException($"{recorded} in a trade stream is not a trade event this server can read.");

    private static TradeHistoryEntry ToEntry(RecordedEvent e)
    {
        using var payload = JsonDocument.Parse(e.Payload);
        return new TradeHistoryEntry(e.Position.Value, e.StreamId, e.StreamVersion, e.Type, e.SchemaVersion, e.EventId, e.RecordedTime,
            e.EffectiveTime, e.Source, e.Actor, e.CorrelationId, e.CausationId, payload.RootElement.Clone());
    }
}
