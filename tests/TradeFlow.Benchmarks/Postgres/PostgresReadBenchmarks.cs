using BenchmarkDotNet.Attributes;
using TradeFlow.EventSourcing;
using TradeFlow.Postgres;

namespace TradeFlow.Benchmarks.Postgres;

/// <summary>
/// Read-all throughput: one operation is one event read (<c>OperationsPerInvoke</c> = <see cref="Events"/>), from a
/// store holding 20,000 events of ~250-byte JSON payloads, in pages of 1,024 by key (position), each page one
/// index range scan on its own pooled connection. Asynchronous (the replay tools' and projections' path) and
/// synchronous (recovery's path).
/// </summary>
[MemoryDiagnoser]
public class PostgresReadBenchmarks
{
    private const int Events = 20_000;
    private PostgresEventStore _store = null!;

    [GlobalSetup]
    public void Setup()
    {
        _store = PostgresEventStore.Open(PostgresBenchmarkData.Options(PostgresBenchmarkData.NewSchema("read")));
        var events = PostgresBenchmarkData.Events(1000);
        for (var i = 0; i < Events / 1000; i++)
        {
            _store.AppendMultiple([new StreamAppend($"trade-{i}", ExpectedVersion.NoStream, events)]).EnsureSuccess();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        var options = _store.Options;
        _store.Dispose();
        PostgresBenchmarkData.DropSchema(options);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public async Task<long> ReadAllAsync()
    {
        long count = 0;
        await foreach (var recorded in _store.ReadAllAsync(GlobalPosition.Start, Direction.Forwards))
        {
            count += recorded.Payload.Length;
        }

        return count;
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public long ReadAllSync()
    {
        long count = 0;
        foreach (var recorded in _store.ReadAll(GlobalPosition.Start, Direction.Forwards))
        {
            count += recorded.Payload.Length;
        }

        return count;
    }
}
