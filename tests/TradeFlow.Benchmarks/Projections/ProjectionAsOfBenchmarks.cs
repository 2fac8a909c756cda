using BenchmarkDotNet.Attributes;
using TradeFlow.EventSourcing;
using TradeFlow.Journal;
using TradeFlow.Projections.Exposure;
using TradeFlow.Projections.Runtime;

namespace TradeFlow.Benchmarks.Projections;

/// <summary>
/// An as-of query: replay the exposure projection from the 1M-event journal up to a random position
/// (fixed seed, so every run asks the same positions) and read one counterparty's exposure.
/// </summary>
[MemoryDiagnoser]
public class ProjectionAsOfBenchmarks
{
    private EventJournal _journal = null!;
    private long[] _positions = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _journal = EventJournal.OpenReadOnly(new JournalOptions(ProjectionBenchmarkData.MillionEventJournal()));
        var random = new Random(6);
        _positions = [.. Enumerable.Range(0, 64).Select(_ => random.NextInt64(1, ProjectionBenchmarkData.MillionEvents + 1))];
    }

    [GlobalCleanup]
    public void Cleanup() => _journal.Dispose();

    [Benchmark]
    public int ExposureAsOfRandomPosition()
    {
        var position = _positions[_next++ % _positions.Length];
        var exposure = new ExposureProjection(ProjectionBenchmarkData.ReferenceData);
        ProjectionReplay.Run(exposure, _journal, AsOf.AtPosition(GlobalPosition.FromInt64(position)));
        return exposure.CounterpartyExposures().Count;
    }
}
