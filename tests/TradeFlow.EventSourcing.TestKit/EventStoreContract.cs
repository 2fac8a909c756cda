namespace TradeFlow.EventSourcing.TestKit;

/// <summary>
/// The contract every <see cref="IEventStore"/> backend must pass. A backend's test project derives a
/// class from it and implements <see cref="CreateStoreAsync"/>. Each test gets its own store from the
/// factory (a fresh one, or a shared server: the tests never assume the store is empty, use stream names
/// unique to the test, and filter the global log down to their own streams).
/// </summary>
public abstract partial class EventStoreContract : IAsyncLifetime
{
    private readonly string _prefix = "t" + Guid.NewGuid().ToString("N")[..12];
    private int _streams;
    private IEventStore? _store;

    /// <summary>The store under test (created before each test).</summary>
    protected IEventStore Store => _store ?? throw new InvalidOperationException("The store is created in InitializeAsync.");

    /// <summary>A generous bound for awaiting real signals (the machine is shared and may be slow).</summary>
    protected static TimeSpan Patience => TimeSpan.FromSeconds(30);

    /// <summary>Creates the store for one test; it may be fresh or shared with other tests.</summary>
    protected abstract Task<IEventStore> CreateStoreAsync();

    /// <summary>Releases the store after a test; by default disposes it.</summary>
    protected virtual Task DisposeStoreAsync(IEventStore store) => store.DisposeAsync().AsTask();

    /// <inheritdoc />
    public async Task InitializeAsync() => _store = await CreateStoreAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await DisposeStoreAsync(_store);
        }
    }

    /// <summary>A stream name unique to this test, shaped like the engine's (<c>trade-…</c>).</summary>
    protected string NewStream() => $"trade-{_prefix}-{Interlocked.Increment(ref _streams):D4}";

    /// <summary>True when <paramref name="recorded"/> belongs to a stream this test created.</summary>
    protected bool IsOurs(RecordedEvent recorded) => recorded.StreamId.StartsWith("trade-" + _prefix, StringComparison.Ordinal);

    /// <summary>Appends and asserts success.</summary>
    protected async Task<AppendResult> AppendAsync(string stream, ExpectedVersion expected, params EventData[] events) =>
        (await Store.AppendToStreamAsync(stream, expected, events)).EnsureSuccess();

    /// <summary>Reads a whole stream forwards.</summary>
    protected Task<List<RecordedEvent>> ReadAsync(string stream) =>
        Store.ReadStreamAsync(stream, Direction.Forwards, StreamVersion.Start).ToListAsync();

    [Fact]
    public async Task Appending_to_a_new_stream_with_NoStream_starts_it_at_version_0()
    {
        var stream = NewStream();
        var result = await Store.AppendToStreamAsync(stream, ExpectedVersion.NoStream, TestEvents.Events(1));

        Assert.True(result.IsSuccess);
        Assert.Equal(0, result.NextExpectedVersion);
        Assert.Equal(0, await Store.GetStreamVersionAsync(stream));
        Assert.Equal(result.LastPosition, (await ReadAsync(stream))[0].Position);
    }

    [Fact]
    public async Task Appending_at_the_current_version_extends_the_stream()
    {
        var stream = NewStream();
        await AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Events(2));
        var result = await AppendAsync(stream, ExpectedVersion.At(1), TestEvents.Events(3));

        Assert.Equal(4, result.NextExpectedVersion);
        Assert.Equal([0L, 1, 2, 3, 4], (await ReadAsync(stream)).Select(e => e.StreamVersion));
    }

    [Fact]
    public async Task Appending_at_a_stale_version_is_a_conflict_naming_stream_expected_and_actual()
    {
        var stream = NewStream();
        await AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Events(3));
        var result = await Store.AppendToStreamAsync(stream, ExpectedVersion.At(0), TestEvents.Events(1));

        Assert.Equal(AppendStatus.WrongExpectedVersion, result.Status);
        Assert.Equal(2, result.ActualVersion);
        var error = Assert.Throws<WrongExpectedVersionException>(() => result.EnsureSuccess());
        Assert.Contains(stream, error.Message, StringComparison.Ordinal);
        Assert.Contains("expected 0", error.Message, StringComparison.Ordinal);
        Assert.Contains("actual 2", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, (await ReadAsync(stream)).Count);
    }

    [Fact]
    public async Task NoStream_on_an_existing_stream_is_a_conflict()
    {
        var stream = NewStream();
        await AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Events(1));
        var result = await Store.AppendToStreamAsync(stream, ExpectedVersion.NoStream, TestEvents.Events(1));

        Assert.False(result.IsSuccess);
        Assert.Equal(0, result.ActualVersion);
    }

    [Fact]
    public async Task Exists_on_a_missing_stream_is_a_conflict_reporting_no_stream()
    {
        var stream = NewStream();
        var result = await Store.AppendToStreamAsync(stream, ExpectedVersion.Exists, TestEvents.Events(1));

        Assert.False(result.IsSuccess);
        Assert.Equal(StreamVersion.None, result.ActualVersion);
        Assert.Contains("no stream", Assert.Throws<WrongExpectedVersionException>(() => result.EnsureSuccess()).Message, StringComparison.Ordinal);
        Assert.Empty(await ReadAsync(stream));
    }

    [Fact]
    public async Task Exists_and_Any_append_to_an_existing_stream_at_any_version()
    {
        var stream = NewStream();
        await AppendAsync(stream, ExpectedVersion.Any, TestEvents.Events(1));
        await AppendAsync(stream, ExpectedVersion.Exists, TestEvents.Events(1));
        var result = await AppendAsync(stream, ExpectedVersion.Any, TestEvents.Events(1));

        Assert.Equal(2, result.NextExpectedVersion);
    }

    [Fact]
    public async Task An_empty_append_checks_the_expectation_and_writes_nothing()
    {
        var stream = NewStream();
        var head = Store.HeadPosition;

        Assert.True((await Store.AppendToStreamAsync(stream, ExpectedVersion.NoStream, [])).IsSuccess);
        Assert.False((await Store.AppendToStreamAsync(stream, ExpectedVersion.Exists, [])).IsSuccess);
        Assert.Equal(StreamVersion.None, await Store.GetStreamVersionAsync(stream));
        Assert.True(Store.HeadPosition >= head);
    }

    [Fact]
    public async Task Every_field_of_an_event_round_trips()
    {
        var stream = NewStream();
        var full = TestEvents.FullyPopulated();
        var bare = TestEvents.Event("bare");
        await AppendAsync(stream, ExpectedVersion.NoStream, full, bare);

        var read = await ReadAsync(stream);
        TestEvents.AssertSameData(full, read[0]);
        TestEvents.AssertSameData(bare, read[1]);
        Assert.Equal(stream, read[0].StreamId);
        Assert.Null(read[1].Source);
        Assert.True(read[1].Metadata.IsEmpty);
    }

    [Fact]
    public async Task A_large_payload_round_trips()
    {
        var stream = NewStream();
        var big = new EventData(Guid.NewGuid(), "Big", 1, TestEvents.Bytes(1 << 20), TestEvents.Recorded, TestEvents.Recorded);
        await AppendAsync(stream, ExpectedVersion.NoStream, big, TestEvents.Event());

        var read = await ReadAsync(stream);
        TestEvents.AssertSameData(big, read[0]);
        Assert.Equal(2, read.Count);
    }

    [Fact]
    public async Task The_store_keeps_its_own_copy_of_the_callers_payload_buffer()
    {
        var stream = NewStream();
        var buffer = new byte[] { 1, 2, 3 };
        await AppendAsync(stream, ExpectedVersion.NoStream, new EventData(Guid.NewGuid(), "T", 1, buffer, TestEvents.Recorded, TestEvents.Recorded));
        buffer[0] = 99;

        Assert.Equal([1, 2, 3], (await ReadAsync(stream))[0].Payload.ToArray());
    }

    [Fact]
    public async Task An_invalid_stream_id_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(async () => await Store.AppendToStreamAsync("", ExpectedVersion.Any, TestEvents.Events(1)));
        await Assert.ThrowsAsync<ArgumentException>(async () => await Store.AppendToStreamAsync("trade-\n1", ExpectedVersion.Any, TestEvents.Events(1)));
        await Assert.ThrowsAsync<ArgumentException>(async () => await Store.AppendToStreamAsync(new string('x', StreamName.MaxLength + 1), ExpectedVersion.Any, TestEvents.Events(1)));
    }

    [Fact]
    public async Task The_same_event_id_twice_in_one_append_is_refused()
    {
        var e = TestEvents.Event();
        await Assert.ThrowsAsync<ArgumentException>(async () => await Store.AppendToStreamAsync(NewStream(), ExpectedVersion.Any, [e, e]));
    }

    [Fact]
    public async Task The_head_position_covers_every_committed_event()
    {
        var result = await AppendAsync(NewStream(), ExpectedVersion.NoStream, TestEvents.Events(2));

        Assert.True(Store.HeadPosition >= result.LastPosition);
        Assert.True(result.LastPosition > GlobalPosition.Start);
    }
}
