using System.Diagnostics;
using MediatR;
using TradeFlow.Engine;
using TradeFlow.Server.Http.Views;

namespace TradeFlow.Server.Http.Requests;

/// <summary>Metrics and readiness, from what the engine, the store and the projections expose (nothing estimated).</summary>
internal sealed class OperationsHandlers : IRequestHandler<GetMetrics, MetricsView>, IRequestHandler<GetReadiness, ReadinessView>
{
    private readonly HttpApiServices _services;
    private readonly ApiCounters _counters;
    private readonly Lock _gate = new();
    private Sample? _previous;

    public OperationsHandlers(HttpApiServices services, ApiCounters counters)
    {
        _services = services;
        _counters = counters;
    }

    public Task<MetricsView> Handle(GetMetrics request, CancellationToken cancellationToken)
    {
        var engine = _services.Engine.Metrics;
        var now = new Sample(Stopwatch.GetTimestamp(), _services.Store.HeadPosition.Value, engine.Commits, _counters.Commands,
            engine.CommandsCompleted);
        Sample? before;
        lock (_gate)
        {
            before = _previous;
            _previous = now;
        }

        var seconds = before is null ? 0d : Stopwatch.GetElapsedTime(before.Timestamp, now.Timestamp).TotalSeconds;
        double? Rate(Func<Sample, long> figure) => seconds > 0 ? Math.Round((figure(now) - figure(before!)) / seconds, 1) : null;
        var checkpoints = _services.Catalog.Runners.ToDictionary(r => r.Name, r => r.Checkpoint.Value, StringComparer.Ordinal);
        return Task.FromResult(new MetricsView(_services.Engine.State.ToString(), now.Head, now.Commits, now.Commands,
            Rate(s => s.Head), Rate(s => s.Commits), Rate(s => s.Commands), checkpoints, _services.SessionsLoggedOn?.Invoke(),
            engine.RingCapacity, engine.RingOccupancy, engine.CommandsCompleted, Rate(s => s.EngineCommands), engine.EventsCommitted,
            CommitLatencyView.From(engine)));
    }

    public Task<ReadinessView> Handle(GetReadiness request, CancellationToken cancellationToken)
    {
        var state = _services.Engine.State;
        var view = state != EngineState.Running
            ? new ReadinessView(false, state.ToString(), $"the engine is {state}")
            : _services.IsReady is { } ready && !ready()
                ? new ReadinessView(false, state.ToString(), "the host is not ready (e.g. the FIX acceptor is not listening)")
                : new ReadinessView(true, state.ToString(), "ready");
        return Task.FromResult(view);
    }

    private sealed record Sample(long Timestamp, long Head, long Commits, long Commands, long EngineCommands);
}
