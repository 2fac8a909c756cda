namespace TradeFlow.EventSourcing.TestKit;

public abstract partial class EventStoreContract
{
    private async Task<(string Stream, EventData[] Events)> StreamOfAsync(int count)
    {
        var stream = NewStream();
        var events = TestEvents.Events(count);
        await AppendAsync(stream, ExpectedVersion.NoStream, events);
        return (stream, events);
    }

    [Fact]
    public async Task Reading_a_missing_stream_yields_nothing_in_either_direction()
    {
        var stream = NewStream();

        Assert.Empty(await Store.ReadStreamAsync(stream, Direction.Forwards, StreamVersion.Start).ToListAsync());
        Assert.Empty(await Store.ReadStreamAsync(stream, Direction.Backwards, StreamVersion.End).ToListAsync());
        Assert.Equal(StreamVersion.None, await Store.GetStreamVersionAsync(stream));
    }

    [Fact]
    public async Task Reading_forwards_from_a_version_returns_the_rest_in_order()
    {
        var (stream, events) = await StreamOfAsync(5);

        var read = await Store.ReadStreamAsync(stream, Direction.Forwards, 2).ToListAsync();

        Assert.Equal(events[2..].Select(e => e.EventId), read.Select(e => e.EventId));
        Assert.Equal([2L, 3, 4], read.Select(e => e.StreamVersion));
    }

    [Fact]
    public async Task Reading_backwards_from_the_end_returns_newest_first()
    {
        var (stream, events) = await StreamOfAsync(4);

        var read = await Store.ReadStreamAsync(stream, Direction.Backwards, StreamVersion.End).ToListAsync();

        Assert.Equal(events.Reverse().Select(e => e.EventId), read.Select(e => e.EventId));
    }

    [Fact]
    public async Task Reading_backwards_from_a_version_with_a_max_count_stops_early()
    {
        var (stream, events) = await StreamOfAsync(6);

        var read = await Store.ReadStreamAsync(stream, Direction.Backwards, 3, maxCount: 2).ToListAsync();

        Assert.Equal([events[3].EventId, events[2].EventId], read.Select(e => e.EventId));
    }

    [Fact]
    public async Task Reading_forwards_past_the_end_yields_nothing()
    {
        var (stream, _) = await StreamOfAsync(2);

        Assert.Empty(await Store.ReadStreamAsync(stream, Direction.Forwards, 2).ToListAsync());
    }

    [Fact]
    public async Task Reading_all_forwards_returns_every_commit_in_commit_order()
    {
        var from = Store.HeadPosition.Next;
        var (a, _) = await StreamOfAsync(2);
        var (b, _) = await StreamOfAsync(1);
        await AppendAsync(a, ExpectedVersion.At(1), TestEvents.Events(1));

        var ours = (await Store.ReadAllAsync(from, Direction.Forwards).ToListAsync()).Where(IsOurs).ToList();

        Assert.Equal([a, a, b, a], ours.Select(e => e.StreamId));
        Assert.Equal([0L, 1, 0, 2], ours.Select(e => e.StreamVersion));
        Assert.True(ours.Zip(ours.Skip(1)).All(p => p.First.Position < p.Second.Position));
    }

    [Fact]
    public async Task Reading_all_from_a_position_includes_that_position()
    {
        var (stream, _) = await StreamOfAsync(3);
        var second = (await ReadAsync(stream))[1].Position;

        var read = await Store.ReadAllAsync(second, Direction.Forwards, maxCount: 1).ToListAsync();

        Assert.Equal(second, Assert.Single(read).Position);
    }

    [Fact]
    public async Task Reading_all_backwards_from_the_end_starts_at_the_head()
    {
        var (stream, events) = await StreamOfAsync(3);

        var read = await Store.ReadAllAsync(GlobalPosition.End, Direction.Backwards, maxCount: 3).ToListAsync();

        Assert.Equal(Store.HeadPosition, read[0].Position);
        Assert.True(read.Zip(read.Skip(1)).All(p => p.First.Position > p.Second.Position));
        Assert.Contains(read, e => e.EventId == events[^1].EventId || !IsOurs(e));
        Assert.NotEmpty(await Store.ReadStreamAsync(stream, Direction.Backwards, StreamVersion.End).ToListAsync());
    }

    [Fact]
    public async Task Reading_all_with_max_count_zero_yields_nothing()
    {
        await StreamOfAsync(1);

        Assert.Empty(await Store.ReadAllAsync(GlobalPosition.Start, Direction.Forwards, maxCount: 0).ToListAsync());
    }
}
