namespace TradeFlow.EventSourcing.TestKit;

public abstract partial class EventStoreContract
{
    [Fact]
    public async Task Retrying_an_append_at_the_same_place_writes_nothing_and_returns_the_original_result()
    {
        var stream = NewStream();
        var events = TestEvents.Events(3);
        var first = await AppendAsync(stream, ExpectedVersion.NoStream, events);
        await AppendAsync(stream, ExpectedVersion.At(2), TestEvents.Events(1));

        var retry = await Store.AppendToStreamAsync(stream, ExpectedVersion.NoStream, events);

        Assert.True(retry.IsSuccess);
        Assert.True(retry.WasAlreadyWritten);
        Assert.Equal(first.NextExpectedVersion, retry.NextExpectedVersion);
        Assert.Equal(first.LastPosition, retry.LastPosition);
        Assert.Equal(4, (await ReadAsync(stream)).Count);
    }

    [Fact]
    public async Task Retrying_the_last_append_with_Any_writes_nothing()
    {
        var stream = NewStream();
        await AppendAsync(stream, ExpectedVersion.Any, TestEvents.Events(1));
        var events = TestEvents.Events(2);
        var first = await AppendAsync(stream, ExpectedVersion.Any, events);

        var retry = await AppendAsync(stream, ExpectedVersion.Any, events);

        Assert.True(retry.WasAlreadyWritten);
        Assert.Equal(first.LastPosition, retry.LastPosition);
        Assert.Equal(3, (await ReadAsync(stream)).Count);
    }

    [Fact]
    public async Task A_retry_that_only_partly_overlaps_what_was_written_is_a_conflict()
    {
        var stream = NewStream();
        var events = TestEvents.Events(2);
        await AppendAsync(stream, ExpectedVersion.NoStream, events);

        var result = await Store.AppendToStreamAsync(stream, ExpectedVersion.NoStream, [events[0], events[1], TestEvents.Event()]);

        Assert.False(result.IsSuccess);
        Assert.Equal(1, result.ActualVersion);
        Assert.Equal(2, (await ReadAsync(stream)).Count);
    }

    [Fact]
    public async Task The_same_event_ids_at_another_place_are_a_conflict()
    {
        var stream = NewStream();
        var events = TestEvents.Events(2);
        await AppendAsync(stream, ExpectedVersion.NoStream, events);
        await AppendAsync(stream, ExpectedVersion.At(1), TestEvents.Events(2));

        var result = await Store.AppendToStreamAsync(stream, ExpectedVersion.At(1), events);

        Assert.False(result.IsSuccess);
        Assert.Equal(3, result.ActualVersion);
    }

    [Fact]
    public async Task Retrying_a_multi_stream_append_writes_nothing_and_returns_the_original_results()
    {
        var (a, b) = (NewStream(), NewStream());
        StreamAppend[] appends =
        [
            new(a, ExpectedVersion.NoStream, TestEvents.Events(2)),
            new(b, ExpectedVersion.NoStream, TestEvents.Events(1)),
        ];
        var first = (await Store.AppendMultipleAsync(appends)).EnsureSuccess();
        var retry = (await Store.AppendMultipleAsync(appends)).EnsureSuccess();

        Assert.All(retry.Results.ToArray(), r => Assert.True(r.WasAlreadyWritten));
        Assert.Equal(first.Results.ToArray().Select(r => r.LastPosition), retry.Results.ToArray().Select(r => r.LastPosition));
        Assert.Equal(2, (await ReadAsync(a)).Count);
    }
}
