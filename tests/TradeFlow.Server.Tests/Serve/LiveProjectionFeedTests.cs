using System.Buffers;
using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Domain.Serialization;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Engine;
using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.Serialization;
using TradeFlow.Journal;
using TradeFlow.Projections.Queries;
using TradeFlow.Projections.Runtime;
using TradeFlow.Projections.Storage;
using TradeFlow.Server.Serve;
using TradeFlow.Testing.Builders;
using TradeFlow.Testing.Time;

namespace TradeFlow.Server.Tests.Serve;

/// <summary>The serve host's live projections: the engine's published events, folded without reading them back.</summary>
public sealed class LiveProjectionFeedTests : IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "tradeflow-live-feed-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was written.
        }
    }

    [Fact]
    public async Task The_events_a_subscriber_gets_are_exactly_the_stores_same_positions_types_ids_times_and_payloads()
    {
        var recorder = new RecordingSubscriber();
        using var journal = EventJournal.Open(new JournalOptions(Path.Combine(_directory, "journal")));
        var driver = new LifecycleDriver();
        using (var engine = StartEngine(journal, driver, recorder))
        {
            await SendAsync(engine, driver, Steps(60, seed: 5));
            engine.Stop(Generous);
        }

        var stored = journal.ReadAll(GlobalPosition.Start, Direction.Forwards).ToList();
        var types = stored.Select(r => r.Type).Distinct().ToList();
        Assert.True(types.Count >= 5, $"the commands wrote {stored.Count} events of {string.Join(", ", types)}");
        Assert.Equal(stored.Count, recorder.Events.Count);
        foreach (var (live, recorded) in recorder.Events.Zip(stored))
        {
            Assert.Equal(recorded.Position, live.Position);
            Assert.Equal(recorded.StreamId, live.StreamId);
            Assert.Equal(recorded.StreamVersion, live.StreamVersion);
            Assert.Equal(recorded.EventId, live.EventId);
            Assert.Equal(recorded.RecordedTime, live.RecordedTime);
            Assert.Equal(recorded.EffectiveTime, live.EffectiveTime);
            Assert.Equal(recorded.Type, DomainEventRegistry.TypeNameOf(live.Event));
            Assert.Equal(recorded.SchemaVersion, DomainEventRegistry.SchemaVersionOf(live.Event));
            var payload = new ArrayBufferWriter<byte>();
            TradeEventSerializer.Instance.Serialize(live.Event, payload);
            Assert.Equal(recorded.Payload.ToArray(), payload.WrittenSpan.ToArray());
        }
    }

    [Fact]
    public void Projections_fed_by_the_engine_hash_as_a_replay_of_the_store_after_any_command_sequence()
    {
        var property = Prop.ForAll(StepsGen().ToArbitrary(), Gen.Elements(2, 8, 4096).ToArbitrary(), (steps, capacity) =>
        {
            var directory = Path.Combine(_directory, Guid.NewGuid().ToString("N"));
            using var journal = EventJournal.Open(new JournalOptions(directory));
            var driver = new LifecycleDriver();
            var feed = new LiveProjectionSubscriber(new LiveProjectionFeed(capacity));
            var catalog = new ProjectionCatalog(driver.ReferenceData, journal, new InMemoryProjectionStore());
            var daemon = ProjectionDaemon.For(catalog, journal, live: feed.Feed);
            using var stop = new CancellationTokenSource();
            using (var engine = StartEngine(journal, driver, feed))
            {
                // Half the commands before the daemon starts: it catches up from the store until it meets the feed.
                SendAsync(engine, driver, steps.Take(steps.Length / 2)).GetAwaiter().GetResult();
                var run = Task.Run(() => daemon.RunAsync(stop.Token));
                SendAsync(engine, driver, steps.Skip(steps.Length / 2)).GetAwaiter().GetResult();
                engine.Stop(Generous);
                daemon.WaitForCheckpointAsync(journal.HeadPosition).WaitAsync(Generous).GetAwaiter().GetResult();
                stop.Cancel();
                run.WaitAsync(Generous).GetAwaiter().GetResult();
            }

            var replayed = new ProjectionCatalog(driver.ReferenceData);
            foreach (var runner in replayed.Runners)
            {
                runner.StartAsync().AsTask().GetAwaiter().GetResult();
                foreach (var recorded in journal.ReadAll(GlobalPosition.Start, Direction.Forwards))
                {
                    runner.Apply(recorded);
                }
            }

            Assert.Equal(replayed.Runners.Select(r => r.StateHash()), catalog.Runners.Select(r => r.StateHash()));
            Assert.All(catalog.Runners, r => Assert.Equal(journal.HeadPosition, r.Checkpoint));
            return true;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(15), property);
    }

    private static TradeEngine StartEngine(IEventJournal journal, LifecycleDriver driver, IEngineSubscriber subscriber)
    {
        var engine = new TradeEngine(new EngineOptions(journal, driver.ReferenceData, new FakeClock(driver.Now)) { Subscribers = [subscriber] });
        engine.Start();
        return engine;
    }

    private static Gen<(int Op, int Target, int Variant)[]> StepsGen() =>
        Gen.Choose(1, 30).SelectMany(n => Gen.ArrayOf(
            from op in Gen.Choose(0, 13) from target in Gen.Choose(0, 50) from variant in Gen.Choose(0, 1000)
            select (op, target, variant), n));

    private static (int Op, int Target, int Variant)[] Steps(int count, int seed) =>
        [.. Enumerable.Range(0, count).Select(i => (i * seed % 14, i * 7 + seed, i * 31 + seed))];

    /// <summary>
    /// Sends each step to the engine as the lifecycle driver would build it (a booking, or any command to a booked
    /// trade); the driver follows what the engine accepted so the next command finds its trade.
    /// </summary>
    private static async Task SendAsync(TradeEngine engine, LifecycleDriver driver, IEnumerable<(int Op, int Target, int Variant)> steps)
    {
        foreach (var (op, target, variant) in steps)
        {
            TradeCommand command;
            if (op == 0 || driver.NextTradeId == TradeId.First)
            {
                command = new BookTradeBuilder().WithSourceKey(driver.NextSourceKey()).At(driver.Tick()).Build();
            }
            else if (driver.Find(TradeId.FromInt64(1 + (target % (driver.NextTradeId.Value - 1)))) is { } trade)
            {
                command = RandomLifecycleCommands.For((TradeCommandKind)(2 + (op % 11)), variant, trade, driver.NextSourceKey(), driver.Tick());
            }
            else
            {
                continue;
            }

            driver.Send(command);
            await engine.SubmitAsync(new EngineCommand(command, "TEST:live", "tester")).WaitAsync(Generous);
        }
    }

    /// <summary>Copies what the publish stage hands over (the span is valid only during the call).</summary>
    private sealed class RecordingSubscriber : IEngineSubscriber
    {
        public List<CommittedEvent> Events { get; } = [];

        public void OnCommitted(ReadOnlySpan<CommittedEvent> events) => Events.AddRange(events);
    }
}
