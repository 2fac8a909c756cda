using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using TradeFlow.Ring.WaitStrategies;

namespace TradeFlow.Benchmarks.Ring;

/// <summary>
/// Our ring against bounded System.Threading.Channels on three graphs: 1 producer → 1 consumer,
/// 1 producer → (2 parallel stages) → 1 join (the diamond), and 3 producers → 1 consumer. Each
/// invocation pushes about a million events through a pipeline started once in the setup and
/// waits until the last stage has seen the last one, so the time per operation is the time per
/// event through the whole graph. Same capacity, same work per stage, same event count.
/// The ring runs with the default hybrid wait strategy and with the yielding one.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class RingVsChannelsBenchmarks : IDisposable
{
    public const int Events = 1_000_000;
    public const int ThreeProducerEvents = 999_999;
    public const int Capacity = 4096;

    private RingTopology? _ring;
    private ChannelTopology? _channel;

    [GlobalSetup(Targets = [nameof(Ring_1P1C_Hybrid)])]
    public void SetupRing1P1CHybrid() => _ring = new RingTopology("Line", 1, new HybridWaitStrategy(), Capacity);

    [GlobalSetup(Targets = [nameof(Ring_1P1C_Yielding)])]
    public void SetupRing1P1CYielding() => _ring = new RingTopology("Line", 1, new YieldingWaitStrategy(), Capacity);

    [GlobalSetup(Targets = [nameof(Ring_Diamond_Hybrid)])]
    public void SetupRingDiamondHybrid() => _ring = new RingTopology("Diamond", 1, new HybridWaitStrategy(), Capacity);

    [GlobalSetup(Targets = [nameof(Ring_Diamond_Yielding)])]
    public void SetupRingDiamondYielding() => _ring = new RingTopology("Diamond", 1, new YieldingWaitStrategy(), Capacity);

    [GlobalSetup(Targets = [nameof(Ring_3P1C_Hybrid)])]
    public void SetupRing3P1CHybrid() => _ring = new RingTopology("Line", 3, new HybridWaitStrategy(), Capacity);

    [GlobalSetup(Targets = [nameof(Ring_3P1C_Yielding)])]
    public void SetupRing3P1CYielding() => _ring = new RingTopology("Line", 3, new YieldingWaitStrategy(), Capacity);

    [GlobalSetup(Targets = [nameof(Channels_1P1C)])]
    public void SetupChannels1P1C() => _channel = new ChannelTopology("Line", 1, Capacity);

    [GlobalSetup(Targets = [nameof(Channels_Diamond)])]
    public void SetupChannelsDiamond() => _channel = new ChannelTopology("Diamond", 1, Capacity);

    [GlobalSetup(Targets = [nameof(Channels_3P1C)])]
    public void SetupChannels3P1C() => _channel = new ChannelTopology("Line", 3, Capacity);

    [GlobalCleanup]
    public void Cleanup() => Dispose();

    [BenchmarkCategory("1P1C")]
    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public Task Channels_1P1C() => _channel!.RunAsync(Events);

    [BenchmarkCategory("1P1C")]
    [Benchmark(OperationsPerInvoke = Events)]
    public void Ring_1P1C_Hybrid() => _ring!.Run(Events);

    [BenchmarkCategory("1P1C")]
    [Benchmark(OperationsPerInvoke = Events)]
    public void Ring_1P1C_Yielding() => _ring!.Run(Events);

    [BenchmarkCategory("Diamond")]
    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public Task Channels_Diamond() => _channel!.RunAsync(Events);

    [BenchmarkCategory("Diamond")]
    [Benchmark(OperationsPerInvoke = Events)]
    public void Ring_Diamond_Hybrid() => _ring!.Run(Events);

    [BenchmarkCategory("Diamond")]
    [Benchmark(OperationsPerInvoke = Events)]
    public void Ring_Diamond_Yielding() => _ring!.Run(Events);

    [BenchmarkCategory("3P1C")]
    [Benchmark(Baseline = true, OperationsPerInvoke = ThreeProducerEvents)]
    public Task Channels_3P1C() => _channel!.RunAsync(ThreeProducerEvents);

    [BenchmarkCategory("3P1C")]
    [Benchmark(OperationsPerInvoke = ThreeProducerEvents)]
    public void Ring_3P1C_Hybrid() => _ring!.Run(ThreeProducerEvents);

    [BenchmarkCategory("3P1C")]
    [Benchmark(OperationsPerInvoke = ThreeProducerEvents)]
    public void Ring_3P1C_Yielding() => _ring!.Run(ThreeProducerEvents);

    public void Dispose()
    {
        _ring?.Dispose();
        _channel?.Dispose();
        _ring = null;
        _channel = null;
        GC.SuppressFinalize(this);
    }

    /// <summary>Adds operations per second next to the mean time.</summary>
    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig()
        {
            AddColumn(StatisticColumn.OperationsPerSecond);
        }
    }
}
