using BenchmarkDotNet.Attributes;
using TradeFlow.Domain.Events;
using TradeFlow.Projections.Runtime;

namespace TradeFlow.Benchmarks.Projections;

/// <summary>
/// Memory retained per live (booked, unsettled) trade by the three projections together: folds 100,000
/// bookings and reports retained heap ÷ trades. BenchmarkDotNet has no retained-memory column, so
/// <see cref="RetainedBytesPerLiveTrade"/> returns the figure and prints it to the benchmark log.
/// </summary>
[MemoryDiagnoser]
public class ProjectionMemoryBenchmarks
{
    private const int Trades = 100_000;
    private ProjectionEvent[] _bookings = [];

    /// <summary>Whether accounting keeps its journal of entries in memory (the ledger is kept either way).</summary>
    [Params(true, false)]
    public bool KeepJournal { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var events = ProjectionBenchmarkData.Events(Trades, settle: false);
        _bookings = [.. events.Select((e, i) => new ProjectionEvent(EventSourcing.GlobalPosition.FromInt64(i + 1),
            e.EffectiveTime, e.EffectiveTime, Guid.NewGuid(), e))];
    }

    [Benchmark(OperationsPerInvoke = Trades)]
    public long RetainedBytesPerLiveTrade()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var projections = ProjectionReplayBenchmarks.Create(KeepJournal);
        foreach (var template in _bookings)
        {
            // A fresh event per trade, as deserialization would give: what the projections keep of it is counted.
            var booked = (TradeBooked)template.Event;
            var e = template with { Event = booked with { Economics = booked.Economics with { } } };
            foreach (var projection in projections)
            {
                projection.Apply(e);
            }
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(projections);
        var perTrade = (after - before) / Trades;
        Console.WriteLine($"// RetainedBytesPerLiveTrade = {perTrade}");
        return perTrade;
    }
}
