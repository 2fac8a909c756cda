using FsCheck;
using FsCheck.Fluent;
using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.InMemory;
using TradeFlow.Projections.Runtime;
using TradeFlow.Projections.Storage;
using TradeFlow.Projections.Tests.Support;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Projections.Tests.Runtime;

public class LiveFeedDaemonTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    [Fact]
    public void A_live_fed_daemon_ends_in_the_state_of_a_replay_from_the_store_on_any_history_and_feed_size()
    {
        var capacities = Gen.Elements(2, 4, 16, 1024).ToArbitrary();
        Prop.ForAll(RandomHistory.Arbitrary(30), capacities, Gen.Choose(0, 30).ToArbitrary(), (steps, capacity, before) =>
        {
            var driver = RandomHistory.Run(steps);
            var events = driver.AllEvents.ToList();
            var split = Math.Min(before, events.Count);
            using var store = new InMemoryEventStore();
            using var live = new LiveSet(driver, store, new InMemoryProjectionStore(), capacity);
            // The engine starts before the daemon: what it publishes meanwhile sits in the feed (or is dropped).
            live.Publisher.Publish(events.Take(split));
            live.Start();
            live.Publisher.Publish(events.Skip(split));
            live.StopAtHeadAsync().GetAwaiter().GetResult();

            live.AssertEqualsReplayOf(store);
            live.AssertEachPositionAppliedOnce(store.HeadPosition);
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public async Task A_feed_too_small_for_the_burst_drops_events_and_the_daemon_reads_them_back_from_the_store()
    {
        var driver = RandomHistory.Run([.. Enumerable.Range(0, 60).Select(i => (i % 14, i, i * 7))]);
        using var store = new InMemoryEventStore();
        using var live = new LiveSet(driver, store, new InMemoryProjectionStore(), capacity: 2);
        await live.StartAsync();

        // Hold the counting runner's lock (as a long query would): the daemon stops at the first event it folds, and
        // the burst behind it overflows the two slots.
        var inside = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var query = Task.Run(() => live.Counting.Read(_ =>
        {
            inside.SetResult();
            return release.Task.Wait(Generous);
        }));
        await inside.Task.WaitAsync(Generous);
        var dropped = live.Publisher.Publish(driver.AllEvents);
        release.SetResult();
        Assert.True(await query.WaitAsync(Generous));
        await live.StopAtHeadAsync();

        Assert.True(dropped >= driver.AllEvents.Count - 3, $"{dropped} of {driver.AllEvents.Count} dropped");
        Assert.Equal(dropped, live.Feed.Dropped);
        Assert.True(live.Daemon.StoreCatchUps > 1, $"caught up from the store {live.Daemon.StoreCatchUps} time(s)");
        Assert.True(live.Daemon.EventsFromFeed > 0);
        Assert.Equal(driver.AllEvents.Count, live.Daemon.EventsFromFeed + live.Daemon.EventsRead);
        live.AssertEqualsReplayOf(store);
        live.AssertEachPositionAppliedOnce(store.HeadPosition);
    }

    [Fact]
    public async Task An_event_appended_by_another_writer_is_a_gap_in_the_feed_that_the_store_fills()
    {
        var driver = RandomHistory.Run([(0, 0, 1), (0, 0, 2), (4, 0, 0), (0, 0, 3), (1, 1, 5), (2, 2, 0)]);
        var events = driver.AllEvents.ToList();
        using var store = new InMemoryEventStore();
        using var live = new LiveSet(driver, store, new InMemoryProjectionStore(), capacity: 64);
        await live.StartAsync();

        live.Publisher.Publish(events.Take(2));
        await live.Daemon.WaitForCheckpointAsync(GlobalPosition.FromInt64(2)).WaitAsync(Generous);
        live.Publisher.AppendOnly(events.Skip(2).Take(1));
        live.Publisher.Publish(events.Skip(3));
        await live.StopAtHeadAsync();

        Assert.True(live.Daemon.EventsRead >= 1, "the unpublished event is read from the store");
        Assert.True(live.Daemon.StoreCatchUps >= 2, $"caught up from the store {live.Daemon.StoreCatchUps} time(s)");
        Assert.Equal(events.Count, live.Daemon.EventsFromFeed + live.Daemon.EventsRead);
        live.AssertEqualsReplayOf(store);
        live.AssertEachPositionAppliedOnce(store.HeadPosition);
    }

    [Fact]
    public async Task A_daemon_restarted_mid_stream_resumes_from_its_snapshot_and_folds_each_event_once()
    {
        var driver = RandomHistory.Run([.. Enumerable.Range(0, 40).Select(i => (i % 14, i * 3, i * 11))]);
        var events = driver.AllEvents.ToList();
        using var store = new InMemoryEventStore();
        var snapshots = new InMemoryProjectionStore();

        using var first = new LiveSet(driver, store, snapshots, capacity: 1024);
        first.Start();
        first.Publisher.Publish(events.Take(events.Count / 3));
        await first.StopAtHeadAsync();

        // While no daemon runs the engine goes on: those events reach only the store (and a feed nobody drains).
        using var second = new LiveSet(driver, store, snapshots, capacity: 1024, nextPosition: events.Count / 3 + 1);
        second.Publisher.Publish(events.Skip(events.Count / 3).Take(events.Count / 3));
        var resumedAt = store.HeadPosition;
        second.Start();
        second.Publisher.Publish(events.Skip(2 * (events.Count / 3)));
        await second.StopAtHeadAsync();

        Assert.All(second.Daemon.Starts.Values, start => Assert.Equal(ProjectionStart.Resumed, start));
        // A resumed daemon folds only what came after its snapshot, each event once, from the store or the feed.
        Assert.Equal(store.HeadPosition.Value - events.Count / 3, second.Daemon.EventsRead + second.Daemon.EventsFromFeed);
        Assert.True(second.Daemon.EventsRead >= resumedAt.Value - events.Count / 3, "what came while it was down is read from the store");
        second.AssertEqualsReplayOf(store);
        second.AssertEachPositionAppliedOnce(store.HeadPosition);
    }

    [Fact]
    public async Task A_checkpoint_waiter_registered_before_the_events_is_released_by_the_live_feed()
    {
        var driver = RandomHistory.Run([(0, 0, 1), (0, 0, 2), (4, 0, 0), (8, 0, 0), (9, 0, 0)]);
        using var store = new InMemoryEventStore();
        using var live = new LiveSet(driver, store, new InMemoryProjectionStore(), capacity: 64);
        await live.StartAsync();
        var target = GlobalPosition.FromInt64(driver.AllEvents.Count);
        var waiter = live.Daemon.WaitForCheckpointAsync(target);
        Assert.False(waiter.IsCompleted);

        live.Publisher.Publish(driver.AllEvents);
        await waiter.WaitAsync(Generous);

        Assert.True(live.Daemon.Checkpoint >= target);
        Assert.Equal(driver.AllEvents.Count, live.Daemon.EventsFromFeed);
        await live.StopAtHeadAsync();
    }

    [Fact]
    public async Task A_stopped_live_daemon_fails_the_waiters_it_can_no_longer_release()
    {
        var driver = RandomHistory.Run([(0, 0, 1)]);
        using var store = new InMemoryEventStore();
        using var live = new LiveSet(driver, store, new InMemoryProjectionStore(), capacity: 16);
        live.Start();
        var never = live.Daemon.WaitForCheckpointAsync(GlobalPosition.FromInt64(1_000));

        await live.StopAtHeadAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => never.WaitAsync(Generous));
    }

    /// <summary>The three real projections and a counting one, a live feed, its publisher and a daemon over them.</summary>
    private sealed class LiveSet : IDisposable
    {
        private readonly LifecycleDriver _driver;
        private readonly CancellationTokenSource _stop = new();
        private readonly IEventJournal _store;
        private Task _run = Task.CompletedTask;

        public LiveSet(LifecycleDriver driver, IEventJournal store, IProjectionStore snapshots, int capacity, int nextPosition = 1)
        {
            _driver = driver;
            _store = store;
            Feed = new LiveProjectionFeed(capacity);
            Publisher = new LivePublisher(store, Feed, nextPosition);
            Runners = [.. ProjectionSet.All(driver.ReferenceData).Select(p => new ProjectionRunner<IProjection>(p, snapshots))];
            Counting = new ProjectionRunner<CountingProjection>(new CountingProjection(), snapshots);
            Daemon = new ProjectionDaemon((IEventStore)store, [.. Runners, Counting], live: Feed);
        }

        public LiveProjectionFeed Feed { get; }

        public LivePublisher Publisher { get; }

        public ProjectionRunner<IProjection>[] Runners { get; }

        public ProjectionRunner<CountingProjection> Counting { get; }

        public ProjectionDaemon Daemon { get; }

        public void Dispose() => _stop.Dispose();

        public void Start() => _run = Task.Run(() => Daemon.RunAsync(_stop.Token));

        /// <summary>Starts the daemon and waits until it has read the store up to where the feed takes over.</summary>
        public async Task StartAsync()
        {
            Start();
            await Daemon.Following.WaitAsync(Generous);
        }

        public async Task StopAtHeadAsync()
        {
            await Daemon.WaitForCheckpointAsync(_store.HeadPosition).WaitAsync(Generous);
            await _stop.CancelAsync();
            await _run.WaitAsync(Generous);
        }

        public void AssertEqualsReplayOf(InMemoryEventStore store)
        {
            foreach (var (runner, factory) in Runners.Zip(ProjectionSet.Factories(_driver.ReferenceData)))
            {
                var replayed = new ProjectionRunner<IProjection>(factory());
                replayed.Rebuild(store);
                Assert.Equal(replayed.StateHash(), runner.StateHash());
                Assert.Equal(store.HeadPosition, runner.Checkpoint);
            }
        }

        public void AssertEachPositionAppliedOnce(GlobalPosition head)
        {
            var applied = Counting.Read(static p => p.Applied.ToDictionary());
            Assert.Equal(Enumerable.Range(1, (int)head.Value).Select(i => (long)i), applied.Keys.Order());
            Assert.All(applied, pair => Assert.Equal(1, pair.Value));
        }
    }
}
