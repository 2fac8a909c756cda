using BenchmarkDotNet.Attributes;
using Npgsql;
using TradeFlow.Benchmarks.Projections;
using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.Serialization;
using TradeFlow.Postgres;
using TradeFlow.Postgres.Projections;
using TradeFlow.Projections.Queries;
using TradeFlow.Projections.Runtime;
using TradeFlow.Projections.Storage;

namespace TradeFlow.Benchmarks.Postgres;

/// <summary>
/// Projection daemon throughput: the three projections (accounting, exposure, settlement) fed from the
/// PostgreSQL event store's catch-up subscription, saving every 1,000 events into the PostgreSQL projection
/// store (and, as the baseline, into memory). One operation is one event.
/// </summary>
[MemoryDiagnoser]
public class PostgresProjectionDaemonBenchmarks
{
    private const int Trades = 4_000;
    private const int Events = Trades * ProjectionBenchmarkData.EventsPerTrade;

    private PostgresEventStoreOptions _options = null!;
    private PostgresEventStore _events = null!;
    private PostgresProjectionStore _projections = null!;
    private GlobalPosition _head;

    [GlobalSetup]
    public void Setup()
    {
        _options = PostgresBenchmarkData.Options(PostgresBenchmarkData.NewSchema("daemon"));
        _events = PostgresEventStore.Open(_options);
        _projections = PostgresProjectionStore.OpenAsync(_options).GetAwaiter().GetResult();
        var factory = new EventDataFactory(TradeEventSerializer.Instance);
        var recorded = new DateTimeOffset(2025, 3, 14, 9, 0, 0, TimeSpan.Zero);
        var events = ProjectionBenchmarkData.Events(Trades);
        // Bookings come first, then each lifecycle step in turn, so consecutive events are of different trades:
        // commits of 1,000 one-event streams (binary COPY).
        foreach (var chunk in events.Select((e, i) => (e, i)).Chunk(1000))
        {
            var appends = chunk.GroupBy(x => x.e.TradeId).Select(g => new StreamAppend($"trade-{g.Key}", ExpectedVersion.Any,
                [.. g.Select(x => factory.Create(x.e, new EventContext(Guid.NewGuid(), recorded.AddMilliseconds(x.i), x.e.EffectiveTime)))]));
            _events.AppendMultiple([.. appends]).EnsureSuccess();
        }

        _head = _events.HeadPosition;
    }

    [IterationSetup(Target = nameof(DaemonIntoPostgres))]
    public void ForgetSavedProjections()
    {
        using var connection = new NpgsqlConnection(_options.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"DELETE FROM {_options.Schema}.projections", connection);
        command.ExecuteNonQuery();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _projections.Dispose();
        _events.Dispose();
        PostgresBenchmarkData.DropSchema(_options);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public Task DaemonIntoMemory() => RunAsync(new InMemoryProjectionStore());

    [Benchmark(OperationsPerInvoke = Events)]
    public Task DaemonIntoPostgres() => RunAsync(_projections);

    private async Task RunAsync(IProjectionStore store)
    {
        var daemon = ProjectionDaemon.For(new ProjectionCatalog(ProjectionBenchmarkData.ReferenceData, store: store), _events,
            new ProjectionDaemonOptions { SaveEvery = 1000 });
        using var stop = new CancellationTokenSource();
        var run = daemon.RunAsync(stop.Token);
        await Task.WhenAny(daemon.WaitForCheckpointAsync(_head), run).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        await run.ConfigureAwait(false);
    }
}
