using BenchmarkDotNet.Attributes;
using TradeFlow.Domain.Time;
using TradeFlow.Engine;
using TradeFlow.Engine.Pipeline;

namespace TradeFlow.Benchmarks.Engine;

/// <summary>
/// What the engine's metrics cost: recording one commit's latency (the journal thread does it once per group
/// commit, so it is on the hot path) and reading the <see cref="EngineMetrics"/> snapshot (what <c>/metrics</c>
/// does, from any thread). Both must allocate nothing.
/// </summary>
[MemoryDiagnoser]
public class EngineMetricsBenchmarks : IDisposable
{
    private readonly CommitLatency _latency = new();
    private TradeEngine _engine = null!;
    private long _ticks;

    [GlobalSetup]
    public void Setup()
    {
        _engine = new TradeEngine(new EngineOptions(new DiscardJournal(), EngineBenchData.ReferenceData(), SystemClock.Instance));
        _engine.Start();

        // A spread of latencies so the percentile walk has buckets to cross.
        for (var i = 1; i <= 10_000; i++)
        {
            _latency.Record(i * 37L % 100_000L);
        }
    }

    public void Dispose()
    {
        _engine?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>One commit's latency into the histogram (the journal thread's per-commit cost).</summary>
    [Benchmark]
    public void RecordCommitLatency() => _latency.Record(_ticks++ & 0xFFFF);

    /// <summary>p99 over the 40 buckets.</summary>
    [Benchmark]
    public double Percentile99() => _latency.Percentile(0.99);

    /// <summary>The whole snapshot from a running, idle engine (ring cursor, gating sequences, counters, two percentiles).</summary>
    [Benchmark]
    public EngineMetrics ReadMetrics() => _engine.Metrics;
}
