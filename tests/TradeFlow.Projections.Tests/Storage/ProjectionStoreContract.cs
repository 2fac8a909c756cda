using System.Text;
using TradeFlow.EventSourcing;
using TradeFlow.Projections.Exposure;
using TradeFlow.Projections.Runtime;
using TradeFlow.Projections.Storage;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Projections.Tests.Storage;

/// <summary>
/// What every <see cref="IProjectionStore"/> must do: the same compare-and-swap rule in memory, in files and in
/// PostgreSQL. Each backend's test project derives a class that says how to create its store. Each test uses a
/// projection name of its own, so a store shared by a test class (one database schema) needs no cleaning.
/// </summary>
public abstract class ProjectionStoreContract : IAsyncLifetime
{
    private IProjectionStore? _store;

    /// <summary>A projection name no other test uses.</summary>
    protected string Name { get; } = "p-" + Guid.NewGuid().ToString("N")[..12];

    protected IProjectionStore Store => _store ?? throw new InvalidOperationException("The store is created in InitializeAsync.");

    protected abstract Task<IProjectionStore> CreateStoreAsync();

    public async Task InitializeAsync() => _store = await CreateStoreAsync();

    public async Task DisposeAsync()
    {
        switch (_store)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    protected ProjectionSnapshot Snapshot(long checkpoint, int version = 1, string state = """{"rows":[1,2,3]}""") =>
        SnapshotOf(Name, checkpoint, version, state);

    protected static ProjectionSnapshot SnapshotOf(string name, long checkpoint, int version = 1, string state = """{"rows":[1,2,3]}""")
    {
        var bytes = Encoding.UTF8.GetBytes(state);
        return new ProjectionSnapshot(name, version, GlobalPosition.FromInt64(checkpoint),
            new DateTimeOffset(2025, 3, 14, 15, 0, 0, TimeSpan.FromHours(1)).AddTicks(checkpoint), StateHash.OfBytes(bytes), bytes);
    }

    private static ExpectedCheckpoint At(long position, int version = 1) => ExpectedCheckpoint.At(version, GlobalPosition.FromInt64(position));

    [Fact]
    public async Task A_projection_that_was_never_saved_loads_as_nothing()
    {
        Assert.Null(await Store.LoadAsync(Name));
    }

    [Fact]
    public async Task A_saved_snapshot_loads_back_with_its_version_checkpoint_recorded_time_hash_and_exact_state()
    {
        // Key order and spacing that a jsonb column would rewrite: the state must come back byte for byte.
        var saved = Snapshot(42, version: 3, state: """{"z":1, "a":[2.50,"é\u0000"]}""");

        var result = await Store.SaveAsync(saved, ExpectedCheckpoint.None);
        var loaded = await Store.LoadAsync(Name);

        Assert.Equal(new ProjectionSaveResult(true, At(42, 3)), result);
        Assert.NotNull(loaded);
        Assert.Equal((saved.Name, saved.Version, saved.Checkpoint, saved.LastRecordedTime, saved.StateHash),
            (loaded.Name, loaded.Version, loaded.Checkpoint, loaded.LastRecordedTime, loaded.StateHash));
        Assert.Equal(saved.LastRecordedTime.Offset, loaded.LastRecordedTime.Offset);
        Assert.Equal(saved.State.ToArray(), loaded.State.ToArray());
    }

    [Fact]
    public async Task A_save_that_expects_the_stored_checkpoint_replaces_it()
    {
        await Store.SaveAsync(Snapshot(10), ExpectedCheckpoint.None);

        var result = await Store.SaveAsync(Snapshot(20, state: """{"rows":[4]}"""), At(10));

        Assert.True(result.Saved);
        Assert.Equal(At(20), result.Actual);
        var loaded = await Store.LoadAsync(Name);
        Assert.Equal("""{"rows":[4]}""", Encoding.UTF8.GetString(loaded!.State.Span));
    }

    [Fact]
    public async Task A_first_save_is_refused_when_a_snapshot_already_exists()
    {
        await Store.SaveAsync(Snapshot(10), ExpectedCheckpoint.None);

        var second = await Store.SaveAsync(Snapshot(30), ExpectedCheckpoint.None);

        Assert.Equal(new ProjectionSaveResult(false, At(10)), second);
        Assert.Equal(GlobalPosition.FromInt64(10), (await Store.LoadAsync(Name))!.Checkpoint);
    }

    [Fact]
    public async Task A_save_against_a_stale_checkpoint_is_refused_reports_the_stored_one_and_changes_nothing()
    {
        await Store.SaveAsync(Snapshot(10), ExpectedCheckpoint.None);
        await Store.SaveAsync(Snapshot(20), At(10));

        var stale = await Store.SaveAsync(Snapshot(30), At(10));

        Assert.Equal(new ProjectionSaveResult(false, At(20)), stale);
        Assert.Equal(GlobalPosition.FromInt64(20), (await Store.LoadAsync(Name))!.Checkpoint);
    }

    [Fact]
    public async Task A_save_expecting_a_snapshot_that_was_never_saved_is_refused()
    {
        var result = await Store.SaveAsync(Snapshot(30), At(10));

        Assert.Equal(new ProjectionSaveResult(false, ExpectedCheckpoint.None), result);
        Assert.Null(await Store.LoadAsync(Name));
    }

    [Fact]
    public async Task A_save_expecting_the_right_checkpoint_but_another_version_is_refused()
    {
        await Store.SaveAsync(Snapshot(10, version: 1), ExpectedCheckpoint.None);

        var result = await Store.SaveAsync(Snapshot(20, version: 2), At(10, version: 2));

        Assert.Equal(new ProjectionSaveResult(false, At(10, version: 1)), result);
    }

    [Fact]
    public async Task A_new_version_replaces_the_old_one_and_may_start_again_below_its_checkpoint()
    {
        await Store.SaveAsync(Snapshot(500, version: 1), ExpectedCheckpoint.None);

        var rebuilt = await Store.SaveAsync(Snapshot(7, version: 2), At(500, version: 1));

        Assert.True(rebuilt.Saved);
        var loaded = await Store.LoadAsync(Name);
        Assert.Equal((2, GlobalPosition.FromInt64(7)), (loaded!.Version, loaded.Checkpoint));
    }

    [Fact]
    public async Task Saving_again_at_the_same_checkpoint_is_allowed_when_it_is_the_expected_one()
    {
        await Store.SaveAsync(Snapshot(10), ExpectedCheckpoint.None);

        var again = await Store.SaveAsync(Snapshot(10), At(10));

        Assert.True(again.Saved);
    }

    [Fact]
    public async Task Projections_are_saved_and_loaded_independently_by_name()
    {
        var other = Name + "-other";
        await Store.SaveAsync(Snapshot(10), ExpectedCheckpoint.None);

        var first = await Store.SaveAsync(SnapshotOf(other, 99), ExpectedCheckpoint.None);

        Assert.True(first.Saved);
        Assert.Equal(GlobalPosition.FromInt64(10), (await Store.LoadAsync(Name))!.Checkpoint);
        Assert.Equal(GlobalPosition.FromInt64(99), (await Store.LoadAsync(other))!.Checkpoint);
    }

    [Fact]
    public async Task A_saved_state_is_not_changed_by_later_writes_to_the_callers_buffer()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"rows":[1]}""");
        var snapshot = new ProjectionSnapshot(Name, 1, GlobalPosition.FromInt64(1), default, StateHash.OfBytes(bytes), bytes);
        await Store.SaveAsync(snapshot, ExpectedCheckpoint.None);

        bytes[9] = (byte)'2';

        Assert.Equal("""{"rows":[1]}""", Encoding.UTF8.GetString((await Store.LoadAsync(Name))!.State.Span));
    }

    [Fact]
    public async Task Of_many_concurrent_saves_from_the_same_checkpoint_exactly_one_succeeds()
    {
        await Store.SaveAsync(Snapshot(10), ExpectedCheckpoint.None);

        var saves = await Task.WhenAll(Enumerable.Range(1, 8).Select(i =>
            Task.Run(async () => await Store.SaveAsync(Snapshot(10 + i), At(10)))));

        var winner = Assert.Single(saves, s => s.Saved);
        Assert.Equal(winner.Actual.Position, (await Store.LoadAsync(Name))!.Checkpoint);
        Assert.All(saves.Where(s => !s.Saved), s => Assert.NotEqual(At(10), s.Actual));
    }

    [Fact]
    public async Task Of_two_runners_that_loaded_the_same_checkpoint_the_second_to_save_gets_a_conflict()
    {
        var data = new LifecycleDriver().ReferenceData;
        var first = new ProjectionRunner<ExposureProjection>(new ExposureProjection(data), Store);
        var second = new ProjectionRunner<ExposureProjection>(new ExposureProjection(data), Store);
        await first.StartAsync();
        await second.StartAsync();
        first.Apply(SkippedEnvelope(1));
        second.Apply(SkippedEnvelope(1));
        second.Apply(SkippedEnvelope(2));

        await first.SaveAsync();
        var error = await Assert.ThrowsAsync<ProjectionConflictException>(async () => await second.SaveAsync());

        Assert.Contains("exposure", error.Message, StringComparison.Ordinal);
        Assert.Equal(GlobalPosition.FromInt64(1), (await Store.LoadAsync("exposure"))!.Checkpoint);
    }

    /// <summary>A non-trade envelope: it only moves a runner's checkpoint.</summary>
    private static RecordedEvent SkippedEnvelope(long position) =>
        new("other-1", position - 1, GlobalPosition.FromInt64(position),
            new EventData(Guid.NewGuid(), "Other", 1, "{}"u8.ToArray(), default, default));
}
