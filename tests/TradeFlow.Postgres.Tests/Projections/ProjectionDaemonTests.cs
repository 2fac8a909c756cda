using TradeFlow.EventSourcing;
using TradeFlow.Projections.Exposure;
using TradeFlow.Projections.Queries;
using TradeFlow.Projections.Runtime;
using TradeFlow.Projections.Tests.Support;

namespace TradeFlow.Postgres.Tests.Projections;

/// <summary>The projection daemon from the PostgreSQL event store into the PostgreSQL projection store, in a schema of each test's own.</summary>
public sealed class ProjectionDaemonTests : PostgresStoresTest
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);
    private static readonly ProjectionDaemonOptions SaveOften = new() { SaveEvery = 25, SaveInterval = TimeSpan.FromMinutes(10) };
    private static readonly ProjectionDaemonOptions SaveAtStopOnly = new() { SaveEvery = int.MaxValue, SaveInterval = TimeSpan.FromMinutes(10) };

    private readonly History _history = History.Random(seed: 7, steps: 160);
    [Fact]
    public async Task A_restarted_daemon_resumes_from_its_saved_checkpoints_and_ends_with_the_in_memory_state()
    {
        var split = _history.Events.Count * 2 / 3;
        var firstHead = _history.AppendTo(Events, 0, split);
        var first = ProjectionDaemon.For(Catalog(), Events, SaveOften);
        await DaemonRun.UntilAsync(first, firstHead);
        await DaemonRun.AssertSavedAtAsync(Projections, firstHead);

        var head = _history.AppendTo(Events, split, _history.Events.Count);
        var second = ProjectionDaemon.For(Catalog(), Events, SaveOften);
        await DaemonRun.UntilAsync(second, head);

        Assert.All(second.Starts.Values, start => Assert.Equal(ProjectionStart.Resumed, start));
        Assert.Equal(_history.Events.Count - split, second.EventsRead);
        await DaemonRun.AssertSavedAtAsync(Projections, head);
        foreach (var projection in ProjectionSet.All(_history.Driver.ReferenceData))
        {
            var saved = await Projections.LoadAsync(projection.Name);
            Assert.Equal(_history.InMemoryHash(projection, _history.Events.Count), saved!.StateHash);
        }
    }

    [Fact]
    public async Task A_version_bump_discards_the_saved_state_and_rebuilds_from_the_first_event()
    {
        var head = _history.AppendTo(Events, 0, _history.Events.Count);
        await DaemonRun.UntilAsync(new ProjectionDaemon(Events, [Exposure(version: 1, out _)], SaveOften), head);

        var bumped = new ProjectionDaemon(Events, [Exposure(version: 2, out var projection)], SaveOften);
        await DaemonRun.UntilAsync(bumped, head);

        Assert.Equal(ProjectionStart.RebuildRequired, bumped.Starts["exposure"]);
        Assert.Equal(_history.Events.Count, bumped.EventsRead);
        Assert.Equal(_history.Events.Count, projection.Applied);
        var saved = await Projections.LoadAsync("exposure");
        Assert.Equal((2, head), (saved!.Version, saved.Checkpoint));
        Assert.Equal(_history.InMemoryHash(new ExposureProjection(_history.Driver.ReferenceData), _history.Events.Count), saved.StateHash);
    }

    [Fact]
    public async Task Of_two_daemons_running_one_projection_only_one_can_save_and_the_other_stops_with_a_conflict()
    {
        var head = _history.AppendTo(Events, 0, 40);
        var daemons = new[]
        {
            new ProjectionDaemon(Events, [Exposure(version: 1, out _)], SaveAtStopOnly),
            new ProjectionDaemon(Events, [Exposure(version: 1, out _)], SaveAtStopOnly),
        };
        using var stop = new CancellationTokenSource();
        var runs = daemons.Select(d => d.RunAsync(stop.Token)).ToArray();
        // Both have loaded the (empty) store and folded everything before either saves: saves happen only at stop.
        await Task.WhenAll(daemons.Select(d => d.WaitForCheckpointAsync(head).WaitAsync(Generous)));

        await stop.CancelAsync();
        var outcomes = await Task.WhenAll(runs.Select(async run =>
        {
            try
            {
                await run;
                return "stopped";
            }
            catch (ProjectionConflictException)
            {
                return "conflict";
            }
        }));

        Assert.Equal(["conflict", "stopped"], outcomes.Order());
        Assert.Equal(head, (await Projections.LoadAsync("exposure"))!.Checkpoint);
    }

    [Fact]
    public async Task A_quiet_stream_is_saved_after_the_save_interval_without_stopping_the_daemon()
    {
        var head = _history.AppendTo(Events, 0, 10);
        var daemon = new ProjectionDaemon(Events, [Exposure(version: 1, out _)],
            new ProjectionDaemonOptions { SaveEvery = int.MaxValue, SaveInterval = TimeSpan.FromMilliseconds(200) });
        using var stop = new CancellationTokenSource();
        var run = daemon.RunAsync(stop.Token);

        await Poll.UntilAsync(async () => (await Projections.LoadAsync("exposure"))?.Checkpoint == head, "the interval save");

        Assert.False(run.IsCompleted);
        await stop.CancelAsync();
        await run.WaitAsync(Generous);
    }

    [Fact]
    public async Task Stopping_a_daemon_ends_its_run_normally_and_fails_whoever_still_waits_for_a_later_checkpoint()
    {
        var head = _history.AppendTo(Events, 0, 5);
        var daemon = new ProjectionDaemon(Events, [Exposure(version: 1, out _)], SaveOften);
        using var stop = new CancellationTokenSource();
        var run = daemon.RunAsync(stop.Token);
        await daemon.WaitForCheckpointAsync(head).WaitAsync(Generous);
        var neverReached = daemon.WaitForCheckpointAsync(GlobalPosition.FromInt64(1_000));

        await stop.CancelAsync();
        await run.WaitAsync(Generous);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => neverReached.WaitAsync(Generous));
        Assert.Equal(head, (await Projections.LoadAsync("exposure"))!.Checkpoint);
    }

    private ProjectionCatalog Catalog() => new(_history.Driver.ReferenceData, store: Projections);

    private ProjectionRunner<VersionedProjection> Exposure(int version, out VersionedProjection projection)
    {
        projection = new VersionedProjection(new ExposureProjection(_history.Driver.ReferenceData), version);
        return new ProjectionRunner<VersionedProjection>(projection, Projections);
    }
}
