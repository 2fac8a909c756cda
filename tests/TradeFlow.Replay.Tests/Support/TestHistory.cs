using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Engine;
using TradeFlow.EventSourcing;
using TradeFlow.Journal;
using TradeFlow.Postgres;
using TradeFlow.Projections.Queries;
using TradeFlow.Projections.Runtime;
using TradeFlow.ReferenceData;
using TradeFlow.Testing;
using TradeFlow.Testing.Builders;
using TradeFlow.Testing.Time;

namespace TradeFlow.Replay.Tests.Support;

/// <summary>
/// A store whose history the real engine wrote in the test: bookings and lifecycle commands from a fixed seed, the
/// clock one minute on per command, live projections fed by the publish stage and sampled at chosen moments.
/// </summary>
internal sealed class TestHistory : IDisposable
{
    private static readonly CounterpartyId[] Counterparties = [DemoIds.GoldmanSachs, DemoIds.DeutscheBank, DemoIds.Barclays];
    private readonly Dictionary<TradeId, Trade> _trades = [];
    private readonly List<TradeId> _ids = [];
    private readonly Random _random;
    private GlobalPosition _read = GlobalPosition.Start;
    private int _keys;

    private TestHistory(IEventJournal store, string[] storeArgs, string? dataDirectory, int seed)
    {
        Store = store;
        StoreArgs = storeArgs;
        DataDirectory = dataDirectory;
        _random = new Random(seed);
        Catalog = new ProjectionCatalog(ReferenceData);
        Engine = new TradeEngine(new EngineOptions(store, ReferenceData, Clock) { Subscribers = [new LiveCatalogSubscriber(Catalog)] });
        Engine.Start();
    }

    public static ReferenceDataSet ReferenceData { get; } = ReferenceDataFiles.Load(RepositoryPaths.DemoReferenceData);

    public IEventJournal Store { get; }

    /// <summary>The arguments that point the tool at this store.</summary>
    public string[] StoreArgs { get; }

    public string? DataDirectory { get; }

    public FakeClock Clock { get; } = new();

    public TradeEngine Engine { get; }

    public ProjectionCatalog Catalog { get; }

    public List<LiveMoment> Moments { get; } = [];

    /// <summary>The last position written, read when the history was stopped.</summary>
    public long Head { get; private set; }

    public IReadOnlyList<TradeId> TradeIds => _ids;

    /// <summary>An embedded journal in a new temporary directory (small segments, so there are several).</summary>
    public static TestHistory Embedded(int seed = 7, long segmentSize = 64 * 1024)
    {
        var directory = Path.Combine(Path.GetTempPath(), "tf-replay-tests", Guid.NewGuid().ToString("N"));
        var journal = EventJournal.Open(new JournalOptions(directory) { SegmentSize = segmentSize, Durability = JournalDurability.NoFsyncBenchmarkOnly });
        return new TestHistory(journal, ["--data", directory, "--reference-data", RepositoryPaths.DemoReferenceData], directory, seed);
    }

    /// <summary>A PostgreSQL store in <paramref name="schema"/> (migrated by the writer, as the engine's host does).</summary>
    public static TestHistory Postgres(string schema, int seed = 7)
    {
        var store = PostgresEventStore.Open(new PostgresEventStoreOptions(TestPostgres.ConnectionString) { Schema = schema });
        return new TestHistory(store, ["--postgres", TestPostgres.ConnectionString, "--schema", schema, "--reference-data", RepositoryPaths.DemoReferenceData], null, seed);
    }

    /// <summary>Sends <paramref name="commands"/> commands, sampling the live projections every <paramref name="sampleEvery"/>.</summary>
    public TestHistory Run(int commands, int sampleEvery = 0)
    {
        for (var i = 0; i < commands; i++)
        {
            Clock.Advance(TimeSpan.FromMinutes(1));
            var outcome = Engine.SubmitAsync(new EngineCommand(NextCommand(), $"FIX:BANK->CLIENT1:34={i + 1}", "trader-" + (i % 3)))
                .WaitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
            Assert.True(outcome.Error is null, outcome.Error);
            CatchUp();
            if (sampleEvery > 0 && (i + 1) % sampleEvery == 0)
            {
                Sample();
            }
        }

        return this;
    }

    /// <summary>Records the live projections' hashes now.</summary>
    public LiveMoment Sample()
    {
        var moment = new LiveMoment(Clock.UtcNow, Store.HeadPosition, Catalog.Runners.ToDictionary(r => r.Name, r => r.StateHash(), StringComparer.Ordinal));
        Moments.Add(moment);
        return moment;
    }

    /// <summary>Stops the engine and closes the store (the journal writes its checkpoint).</summary>
    public void Stop()
    {
        Engine.Stop(TimeSpan.FromSeconds(30));
        Head = Store.HeadPosition.Value;
        Store.Dispose();
    }

    public void Dispose()
    {
        Engine.Dispose();
        Store.Dispose();
        if (DataDirectory is not null && Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }

    private TradeCommand NextCommand()
    {
        var op = _random.Next(0, 12);
        var variant = _random.Next(0, 1000);
        var at = Clock.UtcNow;
        var key = $"HIST-{++_keys}";
        if (op < 4 || _ids.Count == 0)
        {
            return Booking(variant, at, key);
        }

        var trade = _trades[_ids[_random.Next(_ids.Count)]];
        var kind = op switch
        {
            4 => TradeCommandKind.Amend,
            5 => TradeCommandKind.Cancel,
            6 => TradeCommandKind.Confirm,
            7 => TradeCommandKind.InstructSettlement,
            8 => TradeCommandKind.MatchSettlement,
            9 => TradeCommandKind.Settle,
            10 => TradeCommandKind.PartiallyTerminate,
            _ => TradeCommandKind.Novate,
        };
        return RandomLifecycleCommands.For(kind, variant, trade, key, at);
    }

    private static BookTrade Booking(int variant, DateTimeOffset at, string key)
    {
        var builder = new BookTradeBuilder().At(at).WithSourceKey(key);
        builder = (variant % 4) switch
        {
            1 => builder.ForFxSpot(),
            2 => builder.ForFxForward(),
            3 => builder.ForBond(),
            _ => builder,
        };
        return builder.With(t => t with
        {
            Side = variant % 3 == 0 ? Side.Sell : Side.Buy,
            Price = Price.Of(t.Price.Value * (1m + ((variant % 7) - 3) / 100m)),
            Counterparty = Counterparties[variant % Counterparties.Length],
        }).Build();
    }

    // The trades as the engine decided them, so that commands address real states.
    private void CatchUp()
    {
        foreach (var e in ProjectionEvents.ReadAll(Store, _read.Next))
        {
            _read = e.Position;
            if (Trade.Evolve(_trades.GetValueOrDefault(e.Event.TradeId), e.Event) is { } trade)
            {
                if (_trades.TryAdd(trade.Id, trade))
                {
                    _ids.Add(trade.Id);
                }
                else
                {
                    _trades[trade.Id] = trade;
                }
            }
        }
    }
}
