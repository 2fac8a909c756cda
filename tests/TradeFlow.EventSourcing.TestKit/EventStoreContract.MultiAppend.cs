namespace TradeFlow.EventSourcing.TestKit;

public abstract partial class EventStoreContract
{
    [Fact]
    public async Task A_multi_stream_append_writes_every_stream_with_its_own_result()
    {
        var (a, b) = (NewStream(), NewStream());
        await AppendAsync(b, ExpectedVersion.NoStream, TestEvents.Events(2));

        var result = await Store.AppendMultipleAsync(
        [
            new StreamAppend(a, ExpectedVersion.NoStream, TestEvents.Events(2)),
            new StreamAppend(b, ExpectedVersion.At(1), TestEvents.Events(1)),
        ]);

        Assert.True(result.IsSuccess);
        Assert.Equal(-1, result.ConflictIndex);
        Assert.Equal([1L, 2], result.Results.ToArray().Select(r => r.NextExpectedVersion));
        Assert.True(result.Results.Span[0].LastPosition < result.Results.Span[1].LastPosition);
        Assert.Equal(result.Results.Span[1].LastPosition, (await ReadAsync(b))[2].Position);
        Assert.True(result.LastPosition >= result.Results.Span[1].LastPosition);
    }

    [Fact]
    public async Task A_conflict_on_any_stream_writes_nothing_to_any_stream()
    {
        var (a, b, c) = (NewStream(), NewStream(), NewStream());
        await AppendAsync(b, ExpectedVersion.NoStream, TestEvents.Events(1));

        var result = await Store.AppendMultipleAsync(
        [
            new StreamAppend(a, ExpectedVersion.NoStream, TestEvents.Events(1)),
            new StreamAppend(b, ExpectedVersion.At(5), TestEvents.Events(1)),
            new StreamAppend(c, ExpectedVersion.Exists, TestEvents.Events(1)),
        ]);

        Assert.False(result.IsSuccess);
        Assert.Equal(1, result.ConflictIndex);
        Assert.Equal(b, result.Conflict.StreamId);
        Assert.Equal(0, result.Conflict.ActualVersion);
        Assert.Throws<WrongExpectedVersionException>(() => result.EnsureSuccess());
        Assert.Empty(await ReadAsync(a));
        Assert.Single(await ReadAsync(b));
        Assert.Empty(await ReadAsync(c));
    }

    [Fact]
    public async Task A_multi_stream_append_naming_a_stream_twice_is_refused()
    {
        var a = NewStream();
        await Assert.ThrowsAsync<ArgumentException>(async () => await Store.AppendMultipleAsync(
        [
            new StreamAppend(a, ExpectedVersion.Any, TestEvents.Events(1)),
            new StreamAppend(a, ExpectedVersion.Any, TestEvents.Events(1)),
        ]));
    }

    [Fact]
    public async Task A_multi_stream_append_is_one_commit_with_increasing_positions_in_the_given_order()
    {
        var streams = Enumerable.Range(0, 5).Select(_ => NewStream()).ToArray();
        var result = (await Store.AppendMultipleAsync(streams.Select(s => new StreamAppend(s, ExpectedVersion.NoStream, TestEvents.Events(2))).ToArray())).EnsureSuccess();

        var positions = result.Results.ToArray().Select(r => r.LastPosition).ToArray();
        Assert.Equal(positions.Order(), positions);
        foreach (var stream in streams)
        {
            Assert.Equal(2, (await ReadAsync(stream)).Count);
        }
    }
}
