using BenchmarkDotNet.Attributes;
using TradeFlow.EventSourcing;
using TradeFlow.Journal;
using TradeFlow.Projections.Accounting;
using TradeFlow.Projections.Exposure;
using TradeFlow.Projections.Runtime;
using TradeFlow.Projections.Settlement;

namespace TradeFlow.Benchmarks.Projections;

/// <summary>
/// Replay of a 1M-event embedded journal into the accounting, exposure and settlement projections together;
/// one operation is one event. <see cref="ReplayFromJournal"/> includes reading and deserializing;
/// <see cref="FoldOnly"/> folds already deserialized events, to show where the time goes.
/// </summary>
[MemoryDiagnoser]
public class ProjectionReplayBenchmarks
{
    private EventJournal _journal = null!;
    private ProjectionEvent[] _events = [];

    [GlobalSetup]
    public void Setup()
    {
        _journal = EventJournal.OpenReadOnly(new JournalOptions(ProjectionBenchmarkData.MillionEventJournal()));
        _events = [.. ProjectionEvents.ReadAll(_journal, GlobalPosition.Start)];
    }

    [GlobalCleanup]
    public void Cleanup() => _journal.Dispose();

    [Benchmark(OperationsPerInvoke = ProjectionBenchmarkData.MillionEvents)]
    public long ReplayFromJournal()
    {
        var projections = Create();
        long applied = 0;
        foreach (var e in ProjectionEvents.ReadAll(_journal, GlobalPosition.Start))
        {
            foreach (var projection in projections)
            {
                projection.Apply(e);
            }

            applied++;
        }

        return applied;
    }

    [Benchmark(OperationsPerInvoke = ProjectionBenchmarkData.MillionEvents)]
    public long FoldOnly()
    {
        var projections = Create();
        foreach (var e in _events)
        {
            foreach (var projection in projections)
            {
                projection.Apply(e);
            }
        }

        return _events.Length;
    }

    internal static IProjection[] Create(bool keepJournal = true)
    {
        var data = ProjectionBenchmarkData.ReferenceData;
        return
        [
            new AccountingProjection(data, new AccountingOptions(CostMethod.Fifo, keepJournal: keepJournal)),
            new ExposureProjection(data),
            new SettlementProjection(data),
        ];
    }
}
