using TradeFlow.EventSourcing;
using TradeFlow.Projections.Runtime;
using TradeFlow.Projections.Storage;
using TradeFlow.Projections.Tests.Support;

namespace TradeFlow.Projections.Tests.Runtime;

public sealed class FileProjectionStoreTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static ProjectionSnapshot Snapshot(long checkpoint, string state = """{"rows":[1,2,3]}""")
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(state);
        return new ProjectionSnapshot("accounting", 1, GlobalPosition.FromInt64(checkpoint),
            new DateTimeOffset(2025, 3, 14, 15, 0, 0, TimeSpan.Zero), StateHash.OfBytes(bytes), bytes);
    }

    [Fact]
    public async Task A_saved_snapshot_loads_back_with_its_checkpoint_and_leaves_no_temporary_file()
    {
        using var store = new FileProjectionStore(_directory.Path);
        var result = await store.SaveAsync(Snapshot(42), ExpectedCheckpoint.None);

        var loaded = await store.LoadAsync("accounting");
        Assert.True(result.Saved);
        Assert.Equal(GlobalPosition.FromInt64(42), loaded!.Checkpoint);
        Assert.Equal(Snapshot(42).StateHash, loaded.StateHash);
        Assert.Equal(Snapshot(42).State.ToArray(), loaded.State.ToArray());
        Assert.Empty(Directory.GetFiles(_directory.Path, "*.tmp"));
    }

    [Fact]
    public async Task A_save_against_a_stale_checkpoint_is_refused_and_changes_nothing()
    {
        using var store = new FileProjectionStore(_directory.Path);
        await store.SaveAsync(Snapshot(10), ExpectedCheckpoint.None);
        await store.SaveAsync(Snapshot(20), ExpectedCheckpoint.At(1, GlobalPosition.FromInt64(10)));

        var stale = await store.SaveAsync(Snapshot(30), ExpectedCheckpoint.At(1, GlobalPosition.FromInt64(10)));

        Assert.False(stale.Saved);
        Assert.Equal(ExpectedCheckpoint.At(1, GlobalPosition.FromInt64(20)), stale.Actual);
        Assert.Equal(GlobalPosition.FromInt64(20), (await store.LoadAsync("accounting"))!.Checkpoint);
    }

    [Fact]
    public async Task A_snapshot_whose_state_was_altered_on_disk_is_refused_on_load_naming_the_file()
    {
        using var store = new FileProjectionStore(_directory.Path);
        await store.SaveAsync(Snapshot(42), ExpectedCheckpoint.None);
        var path = store.PathOf("accounting");
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[^3] ^= 0x01;
        await File.WriteAllBytesAsync(path, bytes);

        var error = await Assert.ThrowsAsync<ProjectionStoreCorruptException>(async () => await store.LoadAsync("accounting"));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("state hash", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_snapshot_is_refused_on_load()
    {
        using var store = new FileProjectionStore(_directory.Path);
        await store.SaveAsync(Snapshot(42), ExpectedCheckpoint.None);
        var path = store.PathOf("accounting");
        var bytes = await File.ReadAllBytesAsync(path);
        await File.WriteAllBytesAsync(path, bytes[..^5]);

        await Assert.ThrowsAsync<ProjectionStoreCorruptException>(async () => await store.LoadAsync("accounting"));
    }

    [Fact]
    public void A_projection_name_that_is_not_a_safe_file_name_is_refused()
    {
        using var store = new FileProjectionStore(_directory.Path);
        Assert.Throws<ArgumentException>(() => store.PathOf("../escape"));
    }
}
