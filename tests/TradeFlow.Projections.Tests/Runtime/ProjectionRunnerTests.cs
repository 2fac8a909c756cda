using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.InMemory;
using TradeFlow.Journal;
using TradeFlow.Projections.Accounting;
using TradeFlow.Projections.Runtime;
using TradeFlow.Projections.Storage;
using TradeFlow.Projections.Tests.Support;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Projections.Tests.Runtime;

public sealed class ProjectionRunnerTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly LifecycleDriver _driver = RandomHistory.Run(
        [(0, 0, 1), (0, 0, 4), (0, 0, 9), (4, 0, 0), (1, 1, 2), (8, 2, 0), (9, 2, 0), (10, 2, 0), (0, 0, 3), (2, 3, 0), (6, 0, 1)]);

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_runner_resumes_from_its_saved_checkpoint_and_ends_in_the_state_of_a_full_fold()
    {
        using var store = new InMemoryEventStore();
        var events = _driver.AllEvents.ToList();
        EventFeed.AppendTo(store, events.Take(5));
        using var projections = new FileProjectionStore(_directory.Path);

        var first = new ProjectionRunner<AccountingProjection>(new AccountingProjection(_driver.ReferenceData), projections);
        Assert.Equal(ProjectionStart.Fresh, await first.StartAsync());
        first.CatchUp(store);
        await first.SaveAsync();

        EventFeed.AppendTo(store, events.Skip(5), firstIndex: 6);
        var second = new ProjectionRunner<AccountingProjection>(new AccountingProjection(_driver.ReferenceData), projections);
        Assert.Equal(ProjectionStart.Resumed, await second.StartAsync());
        Assert.Equal(GlobalPosition.FromInt64(5), second.Checkpoint);
        Assert.Equal(events.Count - 5, second.CatchUp(store));

        var full = new AccountingProjection(_driver.ReferenceData);
        ProjectionSet.Fold(full, EventFeed.From(events));
        Assert.Equal(StateHash.Of(full), second.StateHash());
    }

    [Fact]
    public async Task A_projection_version_bump_discards_the_saved_state_and_rebuilds_from_zero()
    {
        using var store = new InMemoryEventStore();
        EventFeed.AppendTo(store, _driver.AllEvents);
        using var projections = new FileProjectionStore(_directory.Path);
        var v1 = new ProjectionRunner<VersionedProjection>(new(new AccountingProjection(_driver.ReferenceData), 1), projections);
        await v1.StartAsync();
        v1.CatchUp(store);
        await v1.SaveAsync();

        var v2 = new ProjectionRunner<VersionedProjection>(new(new AccountingProjection(_driver.ReferenceData), 2), projections);
        Assert.Equal(ProjectionStart.RebuildRequired, await v2.StartAsync());
        Assert.Equal(GlobalPosition.Start, v2.Checkpoint);
        v2.CatchUp(store);
        Assert.Equal(_driver.AllEvents.Count, v2.Projection.Applied);
        await v2.SaveAsync();

        var saved = await projections.LoadAsync("accounting");
        Assert.Equal(2, saved!.Version);
        Assert.Equal(store.HeadPosition, saved.Checkpoint);
        Assert.Equal(v1.StateHash(), saved.StateHash);
    }

    [Fact]
    public async Task Two_runners_that_loaded_the_same_checkpoint_cannot_both_advance_it()
    {
        using var store = new InMemoryEventStore();
        EventFeed.AppendTo(store, _driver.AllEvents);
        using var projections = new FileProjectionStore(_directory.Path);
        var a = new ProjectionRunner<AccountingProjection>(new AccountingProjection(_driver.ReferenceData), projections);
        var b = new ProjectionRunner<AccountingProjection>(new AccountingProjection(_driver.ReferenceData), projections);
        await a.StartAsync();
        await b.StartAsync();
        a.CatchUp(store);
        b.CatchUp(store);

        await a.SaveAsync();
        var conflict = await Assert.ThrowsAsync<ProjectionConflictException>(async () => await b.SaveAsync());
        Assert.Contains("another runner advanced it", conflict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_at_or_before_the_checkpoint_is_not_folded_twice_when_live_and_catch_up_overlap()
    {
        var runner = new ProjectionRunner<AccountingProjection>(new AccountingProjection(_driver.ReferenceData));
        var events = EventFeed.From(_driver.AllEvents);
        Assert.All(events, e => Assert.True(runner.Apply(e)));
        var hash = runner.StateHash();

        Assert.All(events, e => Assert.False(runner.Apply(e)));
        Assert.Equal(hash, runner.StateHash());
    }

    [Fact]
    public async Task Following_the_subscription_folds_new_commits_and_saves_the_checkpoint_when_stopped()
    {
        using var store = new InMemoryEventStore();
        var events = _driver.AllEvents.ToList();
        EventFeed.AppendTo(store, events.Take(3));
        var projections = new InMemoryProjectionStore();
        var runner = new ProjectionRunner<AccountingProjection>(new AccountingProjection(_driver.ReferenceData), projections);
        await runner.StartAsync();
        var head = GlobalPosition.FromInt64(events.Count);
        var reachedHead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();

        var following = runner.FollowAsync(store, saveEvery: 4, p =>
        {
            if (p == head)
            {
                reachedHead.TrySetResult();
            }
        }, stop.Token);
        EventFeed.AppendTo(store, events.Skip(3), firstIndex: 4);
        await reachedHead.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await following.WaitAsync(TimeSpan.FromSeconds(30));

        var saved = await projections.LoadAsync("accounting");
        Assert.Equal(head, saved!.Checkpoint);
        Assert.Equal(runner.StateHash(), saved.StateHash);
    }

    [Fact]
    public void Rebuilding_from_the_embedded_journal_equals_the_live_fold()
    {
        var options = new JournalOptions(_directory.Path);
        using (var journal = EventJournal.Open(options))
        {
            EventFeed.AppendTo(journal, _driver.AllEvents);
        }

        using var reopened = EventJournal.OpenReadOnly(options);
        foreach (var factory in ProjectionSet.Factories(_driver.ReferenceData))
        {
            var live = factory();
            ProjectionSet.Fold(live, EventFeed.From(_driver.AllEvents));
            var runner = new ProjectionRunner<IProjection>(factory());
            Assert.Equal(_driver.AllEvents.Count, runner.Rebuild(reopened));
            Assert.Equal(StateHash.Of(live), runner.StateHash());
        }
    }
}
