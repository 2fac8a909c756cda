using BenchmarkDotNet.Attributes;
using TradeFlow.Benchmarks.Projections;
using TradeFlow.EventSourcing;
using TradeFlow.Journal;
using TradeFlow.Journal.Integrity;
using TradeFlow.Projections.Runtime;

namespace TradeFlow.Benchmarks.Replay;

/// <summary>
/// The large-store run of issue 9: <c>verify --no-payloads</c>'s integrity pass and a sequential replay of the three
/// projections over 10M events (2,000,000 trades); one operation is one event. The first run writes the ~3.5 GB
/// journal to <c>$TMPDIR/tradeflow-bench/projections-10m</c> (about ten minutes on a loaded 2-core machine; check
/// <c>df -h</c> first) and later runs reuse it; delete the directory afterwards. One iteration is minutes long, so run
/// it with <c>--job dry</c>. The end-to-end figures of the tool itself (two threads, journal spill) are taken with
/// <c>/usr/bin/time</c> over the same directory; see docs/benchmarks.md.
/// </summary>
[MemoryDiagnoser]
public class ReplayTenMillionBenchmarks
{
    private string _dataDirectory = string.Empty;

    [GlobalSetup]
    public void Setup() => _dataDirectory = ProjectionBenchmarkData.TenMillionEventJournal();

    [Benchmark(OperationsPerInvoke = ProjectionBenchmarkData.TenMillionEvents)]
    public long VerifyIntegrity() => JournalIntegrityScanner.Scan(_dataDirectory).Records;

    [Benchmark(OperationsPerInvoke = ProjectionBenchmarkData.TenMillionEvents)]
    public long ReplayToHead()
    {
        using var journal = EventJournal.OpenReadOnly(new JournalOptions(_dataDirectory));
        // Without the in-memory posting journal: with it, the 1M run already peaked at 1.8 GB.
        var projections = ProjectionReplayBenchmarks.Create(keepJournal: false);
        long applied = 0;
        foreach (var e in ProjectionEvents.ReadAll(journal, GlobalPosition.Start))
        {
            foreach (var projection in projections)
            {
                projection.Apply(e);
            }

            applied++;
        }

        return applied;
    }
}
