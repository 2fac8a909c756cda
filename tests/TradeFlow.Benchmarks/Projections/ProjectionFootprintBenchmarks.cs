using System.Globalization;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using TradeFlow.Domain.Events;
using TradeFlow.EventSourcing;
using TradeFlow.Journal;
using TradeFlow.Projections.Accounting;
using TradeFlow.Projections.Exposure;
using TradeFlow.Projections.Runtime;
using TradeFlow.Projections.Settlement;

namespace TradeFlow.Benchmarks.Projections;

/// <summary>
/// What the three projections keep and throw away, on the 1M-event journal (200,000 trades): heap retained per trade
/// (<see cref="GC.GetTotalMemory"/> with a full collection before the projections are made and after the fold, ÷ trades)
/// and bytes allocated per folded event by each projection and event type (<see cref="GC.GetAllocatedBytesForCurrentThread"/>
/// around each <c>Apply</c>). Both are counts, exact on a shared machine, so one invocation is enough:
/// <c>--filter '*ProjectionFootprint*' --job dry</c>; the figures are printed to the log as <c>// footprint …</c> lines.
/// Accounting keeps its posting journal as <see cref="Journal"/> says: in memory (the <c>serve</c> host) or spilled to
/// a temporary file (<c>replay</c>).
/// </summary>
[MemoryDiagnoser]
public class ProjectionFootprintBenchmarks
{
    private EventJournal _journal = null!;

    /// <summary>Booked: only the 200,000 bookings (every trade live); Full: all 1M events (every trade settled).</summary>
    [Params("Booked", "Full")]
    public string Lifecycle { get; set; } = "Full";

    /// <summary>Kept: accounting's posting journal in memory; Spilled: written to a temporary file as <c>replay</c> does.</summary>
    [Params("Kept", "Spilled")]
    public string Journal { get; set; } = "Kept";

    [GlobalSetup]
    public void Setup()
    {
        _journal = EventJournal.OpenReadOnly(new JournalOptions(ProjectionBenchmarkData.MillionEventJournal()));
        // A warm-up read, so the journal's own read state (caches, buffers) is in place before the first count.
        foreach (var e in ProjectionEvents.ReadAll(_journal, GlobalPosition.Start))
        {
            GC.KeepAlive(e.Event);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _journal.Dispose();

    [Benchmark]
    public long RetainedBytesPerTrade()
    {
        using var spill = Journal == "Spilled"
            ? new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 4096, FileOptions.DeleteOnClose)
            : null;
        var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var data = ProjectionBenchmarkData.ReferenceData;
        IProjection[] projections =
        [
            new AccountingProjection(data, new AccountingOptions(CostMethod.Fifo) { JournalSpill = spill }),
            new ExposureProjection(data),
            new SettlementProjection(data),
        ];
        var allocated = new Dictionary<(string Projection, string Event), (long Bytes, long Count)>();
        long trades = 0;
        foreach (var e in ProjectionEvents.ReadAll(_journal, GlobalPosition.Start))
        {
            var booked = e.Event is TradeBooked;
            if (!booked && Lifecycle == "Booked")
            {
                continue;
            }

            trades += booked ? 1 : 0;
            foreach (var projection in projections)
            {
                var start = GC.GetAllocatedBytesForCurrentThread();
                projection.Apply(e);
                var bytes = GC.GetAllocatedBytesForCurrentThread() - start;
                var key = (projection.Name, e.Event.GetType().Name);
                var (sum, count) = allocated.GetValueOrDefault(key);
                allocated[key] = (sum + bytes, count + 1);
            }
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(projections);
        var perTrade = (after - before) / trades;
        Report(perTrade, trades, allocated, gcBefore);
        return perTrade;
    }

    /// <summary>
    /// Each projection's own footprint: the heap it retains per trade when it folds alone (the three share the events'
    /// economics records, so in <see cref="RetainedBytesPerTrade"/> those count once; here they count in each).
    /// </summary>
    [Benchmark]
    public long RetainedBytesPerTradeAlone()
    {
        long sum = 0;
        foreach (var name in new[] { "accounting", "exposure", "settlement" })
        {
            var perTrade = RetainedAlone(name);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"// footprint {Lifecycle}/{Journal}   {name,-11} alone retains {perTrade,8:F1} B per trade"));
            sum += (long)perTrade;
        }

        return sum;
    }

    /// <summary>
    /// The three state hashes after the fold, printed as <c>// footprint … hashes</c> lines: the same for any build that
    /// keeps the state document unchanged, with the journal in memory (as <c>serve</c> holds it) or spilled.
    /// </summary>
    [Benchmark]
    public int StateHashesAfterFold()
    {
        using var spill = Journal == "Spilled"
            ? new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 4096, FileOptions.DeleteOnClose)
            : null;
        var data = ProjectionBenchmarkData.ReferenceData;
        IProjection[] projections =
        [
            new AccountingProjection(data, new AccountingOptions(CostMethod.Fifo) { JournalSpill = spill }),
            new ExposureProjection(data),
            new SettlementProjection(data),
        ];
        foreach (var e in ProjectionEvents.ReadAll(_journal, GlobalPosition.Start))
        {
            if (e.Event is TradeBooked || Lifecycle == "Full")
            {
                foreach (var projection in projections)
                {
                    projection.Apply(e);
                }
            }
        }

        var hashes = string.Join(' ', projections.Select(p => $"{p.Name} {StateHash.Of(p)}"));
        Console.WriteLine($"// footprint {Lifecycle}/{Journal} hashes {hashes}");
        return hashes.Length;
    }

    // Out of line, so no local of the fold outlives it when the caller measures the next projection.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private double RetainedAlone(string name)
    {
        using var spill = Journal == "Spilled"
            ? new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 4096, FileOptions.DeleteOnClose)
            : null;
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var data = ProjectionBenchmarkData.ReferenceData;
        IProjection projection = name switch
        {
            "accounting" => new AccountingProjection(data, new AccountingOptions(CostMethod.Fifo) { JournalSpill = spill }),
            "exposure" => new ExposureProjection(data),
            _ => new SettlementProjection(data),
        };
        long trades = 0;
        foreach (var e in ProjectionEvents.ReadAll(_journal, GlobalPosition.Start))
        {
            var booked = e.Event is TradeBooked;
            if (booked || Lifecycle == "Full")
            {
                trades += booked ? 1 : 0;
                projection.Apply(e);
            }
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(projection);
        return (after - before) / (double)trades;
    }

    private void Report(long perTrade, long trades, Dictionary<(string Projection, string Event), (long Bytes, long Count)> allocated,
        (int, int, int) gcBefore)
    {
        var events = allocated.Where(kv => kv.Key.Projection == "accounting").Sum(kv => kv.Value.Count);
        var total = allocated.Sum(kv => kv.Value.Bytes);
        var gc = $"{GC.CollectionCount(0) - gcBefore.Item1}/{GC.CollectionCount(1) - gcBefore.Item2}/{GC.CollectionCount(2) - gcBefore.Item3}";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// footprint {Lifecycle}/{Journal}: {trades} trades, {events} events, retained {perTrade} B per trade, " +
            $"folds allocated {(double)total / events:F1} B per event, GC gen0/1/2 during the run {gc}"));
        foreach (var ((projection, type), (bytes, count)) in allocated.OrderBy(kv => kv.Key))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"// footprint {Lifecycle}/{Journal}   {projection,-11} {type,-22} {count,8} events {(double)bytes / count,8:F1} B each"));
        }
    }
}
