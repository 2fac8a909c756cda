using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Domain.Time;
using TradeFlow.Engine;
using TradeFlow.Journal;
using TradeFlow.ReferenceData;
using TradeFlow.Server.Demo;
using TradeFlow.Server.Serve;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Server.Tests.Serve;

public sealed class ServeSizingTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "tf-serve-sizing-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    [Fact]
    public void The_expected_trades_are_twice_the_recovered_count_at_least_the_floor_and_at_most_the_ceiling()
    {
        Prop.ForAll(Gen.Choose(0, 5_000_000).ToArbitrary(), Gen.Choose(0, 200_000).ToArbitrary(), Gen.Choose(0, 3_000_000).ToArbitrary(),
            (recovered, floor, ceiling) =>
            {
                var expected = ServeSizing.ExpectedTrades(recovered, floor, ceiling);
                return expected <= ceiling
                    && (expected == ceiling || (expected >= 2L * recovered && expected >= floor))
                    && (expected == Math.Min(ceiling, Math.Max(2L * recovered, floor)));
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public async Task A_served_engine_is_sized_for_twice_the_trades_its_journal_recovered()
    {
        var referenceData = ReferenceDataFiles.Load(Path.Combine(AppContext.BaseDirectory, "reference-data"));
        var settings = DemoServer.Prepare(_dataDirectory, Path.Combine(AppContext.BaseDirectory, "reference-data"));
        long streams;
        using (var journal = EventJournal.Open(new JournalOptions(_dataDirectory)))
        {
            using var engine = new TradeEngine(new EngineOptions(journal, referenceData, SystemClock.Instance));
            engine.Start();
            for (var i = 0; i < 5; i++)
            {
                var outcome = await engine.SubmitAsync(new EngineCommand(new BookTradeBuilder().Build()));
                Assert.True(outcome.IsAccepted, outcome.ToString());
            }

            engine.Stop(TimeSpan.FromSeconds(30));
        }

        using (var reopened = EventJournal.OpenReadOnly(new JournalOptions(_dataDirectory)))
        {
            streams = reopened.Recovery.StreamCount;
        }

        Assert.InRange(streams, 5, 20);
        var host = await DemoServer.StartAsync(settings with { ExpectedTradesFloor = 3, ExpectedTradesCeiling = 1_000 }, referenceData, "key", CancellationToken.None);
        await using (host.ConfigureAwait(false))
        {
            Assert.Equal((int)streams * 2, host.ExpectedTrades);
            AssertJournalReservedForTheEngine(host);
        }

        var capped = await DemoServer.StartAsync(settings with { ExpectedTradesFloor = 3, ExpectedTradesCeiling = 4 }, referenceData, "key", CancellationToken.None);
        await using (capped.ConfigureAwait(false))
        {
            Assert.Equal(4, capped.ExpectedTrades);
        }
    }

    [Fact]
    public async Task A_served_journal_is_reserved_for_the_streams_of_the_trades_its_engine_was_sized_for()
    {
        // A new journal (no streams: the floor) holds 8 streams before it grows; the floor asks for far more.
        var referenceData = ReferenceDataFiles.Load(Path.Combine(AppContext.BaseDirectory, "reference-data"));
        var settings = DemoServer.Prepare(_dataDirectory, Path.Combine(AppContext.BaseDirectory, "reference-data"));
        var host = await DemoServer.StartAsync(settings with { ExpectedTradesFloor = 5_000, ExpectedTradesCeiling = 10_000 }, referenceData, "key", CancellationToken.None);
        await using (host.ConfigureAwait(false))
        {
            Assert.Equal(5_000, host.ExpectedTrades);
            AssertJournalReservedForTheEngine(host);
        }
    }

    [Fact]
    public void A_store_without_a_stream_table_reserves_no_streams()
    {
        Assert.Equal(0, ServeSizing.ExpectedStreams(100_000, embeddedJournal: false));
        Assert.Equal(100_000, ServeSizing.ExpectedStreams(100_000, embeddedJournal: true));
    }

    // One journal stream per booked trade (trade-{id}), so the stream table holds the sized engine's trades without growing.
    private static void AssertJournalReservedForTheEngine(ServeHost host)
    {
        Assert.Equal(host.ExpectedTrades, host.ExpectedStreams);
        Assert.InRange(host.EmbeddedJournal!.StreamCapacity, host.ExpectedStreams, int.MaxValue);
    }
}
