using BenchmarkDotNet.Attributes;
using TradeFlow.EventSourcing;
using TradeFlow.Postgres;

namespace TradeFlow.Benchmarks.Postgres;

/// <summary>
/// Append throughput into a real PostgreSQL, side by side: one operation is one <em>event</em>
/// (<c>OperationsPerInvoke</c> = events per invocation), so Mean is time per event, events/s = 1 ÷ Mean and
/// the Ratio column is the per-event cost relative to single-event appends. Every commit is durable
/// (the server's default synchronous_commit = on) and goes through the synchronous journal-stage API.
/// </summary>
[MemoryDiagnoser]
public class PostgresAppendBenchmarks
{
    private const int SingleAppendsPerInvoke = 50;
    private PostgresEventStore _store = null!;
    private EventData[] _events = [];
    private long _stream;

    /// <summary>Whether JSON payloads also go into the queryable jsonb column (the default) or only into bytea.</summary>
    [Params(true, false)]
    public bool JsonColumn { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _store = PostgresEventStore.Open(PostgresBenchmarkData.Options(PostgresBenchmarkData.NewSchema("append"), JsonColumn));
        _events = PostgresBenchmarkData.Events(1000);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        var options = _store.Options;
        _store.Dispose();
        PostgresBenchmarkData.DropSchema(options);
    }

    /// <summary>50 commits of one event each (one transaction, one WAL flush per event).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = SingleAppendsPerInvoke)]
    public GlobalPosition SingleEventAppends()
    {
        var last = default(GlobalPosition);
        for (var i = 0; i < SingleAppendsPerInvoke; i++)
        {
            last = Commit(i, 1);
        }

        return last;
    }

    /// <summary>One commit of 100 events by multi-row INSERT (below the COPY threshold of 256).</summary>
    [Benchmark(OperationsPerInvoke = 100)]
    public GlobalPosition Batch100Insert() => Commit(0, 100);

    /// <summary>One commit of 1,000 events by binary COPY.</summary>
    [Benchmark(OperationsPerInvoke = 1000)]
    public GlobalPosition Batch1000Copy() => Commit(0, 1000);

    // Ten streams per commit (as the engine's journal stage spreads a batch over trades), each new: NoStream.
    private GlobalPosition Commit(int offset, int count)
    {
        var streams = Math.Min(10, count);
        var perStream = count / streams;
        var appends = new StreamAppend[streams];
        for (var s = 0; s < streams; s++)
        {
            var name = "trade-" + Interlocked.Increment(ref _stream).ToString(System.Globalization.CultureInfo.InvariantCulture);
            appends[s] = new StreamAppend(name, ExpectedVersion.NoStream, _events.AsMemory(offset + (s * perStream), perStream));
        }

        return _store.AppendMultiple(appends).EnsureSuccess().LastPosition;
    }
}
