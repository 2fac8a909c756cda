using BenchmarkDotNet.Attributes;
using TradeFlow.EventSourcing;
using TradeFlow.Journal;

namespace TradeFlow.Benchmarks.Journal;

/// <summary>Read-all throughput over a warm 1M-event journal (256-byte payloads): one operation is one event.</summary>
[MemoryDiagnoser]
public class JournalReadBenchmarks
{
    private EventJournal _journal = null!;

    [GlobalSetup]
    public void Setup()
    {
        _journal = EventJournal.OpenReadOnly(new JournalOptions(JournalBenchmarkData.MillionEventJournal()));

        // Warm the page cache (the goal is stated for warm files).
        foreach (var recorded in _journal.ReadAll(GlobalPosition.Start, Direction.Forwards))
        {
            _ = recorded;
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _journal.Dispose();

    [Benchmark(OperationsPerInvoke = JournalBenchmarkData.MillionEvents)]
    public long ReadAllForwards()
    {
        var sum = 0L;
        foreach (var recorded in _journal.ReadAll(GlobalPosition.Start, Direction.Forwards))
        {
            sum += recorded.Payload.Length;
        }

        return sum;
    }
}
