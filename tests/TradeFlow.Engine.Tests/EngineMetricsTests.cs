using TradeFlow.Engine.Tests.Support;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Engine.Tests;

public sealed class EngineMetricsTests : IDisposable
{
    private readonly EngineHarness _harness = EngineHarness.Start(ringSize: 256);

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void A_new_engine_reports_its_ring_empty_and_no_commits()
    {
        var metrics = _harness.Engine.Metrics;

        Assert.Equal(256, metrics.RingCapacity);
        Assert.Equal(0, metrics.RingOccupancy);
        Assert.Equal(0, metrics.CommandsCompleted);
        Assert.Equal(0, metrics.Commits);
        Assert.Equal(0d, metrics.CommitLatencyP99Microseconds);
    }

    [Fact]
    public async Task After_some_commands_the_figures_count_them_and_the_commit_latency_is_measured()
    {
        for (var i = 0; i < 5; i++)
        {
            await _harness.Send(new BookTradeBuilder().WithSourceKey($"M-{i}").Build());
        }

        await _harness.Send(new BookTradeBuilder().WithSourceKey("M-0").Build()); // a duplicate: answered, writes nothing
        _harness.Engine.Stop(EngineHarness.Timeout);
        var metrics = _harness.Engine.Metrics;

        Assert.Equal(0, metrics.RingOccupancy);
        Assert.Equal(6, metrics.CommandsCompleted);
        Assert.InRange(metrics.Commits, 1, 5);
        Assert.Equal(_harness.Engine.Commits, metrics.Commits);
        Assert.Equal(5, metrics.EventsCommitted);
        Assert.True(metrics.CommitLatencyLastMicroseconds > 0d);
        Assert.True(metrics.CommitLatencyP50Microseconds >= 1d);
        Assert.True(metrics.CommitLatencyP99Microseconds >= metrics.CommitLatencyP50Microseconds);
        Assert.True(metrics.CommitLatencyMaxMicroseconds >= metrics.CommitLatencyLastMicroseconds);
        Assert.InRange(metrics.CommitLatencyMeanMicroseconds, double.Epsilon, metrics.CommitLatencyMaxMicroseconds);
    }

    [Fact]
    public async Task The_ring_occupancy_returns_to_zero_once_the_engine_is_idle()
    {
        var pending = Enumerable.Range(0, 50).Select(i => _harness.Send(new BookTradeBuilder().WithSourceKey($"O-{i}").Build())).ToList();
        await Task.WhenAll(pending);

        // The last answer is delivered from inside the publish stage, which then advances its sequence: wait for it.
        var idle = SpinWait.SpinUntil(() => _harness.Engine.Metrics.RingOccupancy == 0, EngineHarness.Timeout);

        Assert.True(idle, "the ring never drained");
        Assert.Equal(50, _harness.Engine.Metrics.CommandsCompleted);
    }
}
