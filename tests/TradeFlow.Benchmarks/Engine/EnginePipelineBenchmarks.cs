using BenchmarkDotNet.Attributes;
using TradeFlow.Domain.Trades;
using TradeFlow.Engine;
using TradeFlow.EventSourcing;
using TradeFlow.Domain.Time;

namespace TradeFlow.Benchmarks.Engine;

/// <summary>
/// Full-pipeline throughput: one invocation submits <see cref="Commands"/> captures from one producer
/// thread (Submit, back-pressure when the ring is full) into a freshly started engine and waits for the
/// last ack. commands/s = 1 ÷ mean (the mean is per command: OperationsPerInvoke); allocated is per
/// command and counts every thread (engine stages and store).
/// </summary>
[MemoryDiagnoser]
public class EnginePipelineBenchmarks : IDisposable
{
    private const int Commands = 50_000;
    private readonly CountdownCompletion _completion = new();
    private BookTrade[] _captures = [];
    private TradeEngine _engine = null!;
    private IEventJournal _store = null!;
    private string? _directory;

    [Params(EngineStore.Discard, EngineStore.InMemory, EngineStore.JournalNoFsync, EngineStore.JournalFsync)]
    public EngineStore Store { get; set; }

    [GlobalSetup]
    public void Setup() => _captures = EngineBenchData.Captures(Commands, "bench");

    [IterationSetup]
    public void StartEngine()
    {
        (_store, _directory) = EngineBenchData.OpenStore(Store);
        // TRADEFLOW_WAIT (see EngineLatency) compares wait strategies across two --inProcess runs.
        _engine = new TradeEngine(new EngineOptions(_store, EngineBenchData.ReferenceData(), SystemClock.Instance)
        {
            WaitStrategy = EngineLatency.WaitStrategyFromEnvironment(),
        });
        _engine.Start();
    }

    [IterationCleanup]
    public void StopEngine()
    {
        _engine.Stop(TimeSpan.FromSeconds(60));
        if (_completion.NotAccepted != 0)
        {
            throw new InvalidOperationException($"{_completion.NotAccepted} captures were not accepted: the benchmark measures the wrong path.");
        }

        EngineBenchData.Delete(_store, _directory);
    }

    public void Dispose()
    {
        _completion.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Submit every capture, wait for the last ack.</summary>
    [Benchmark(OperationsPerInvoke = Commands)]
    public void SubmitAndAwaitAll()
    {
        _completion.Reset(Commands);
        for (var i = 0; i < _captures.Length; i++)
        {
            _engine.Submit(new EngineCommand(_captures[i], "FIX:CLIENT1", "JSMITH"), _completion, i);
        }

        _completion.Wait();
    }
}
