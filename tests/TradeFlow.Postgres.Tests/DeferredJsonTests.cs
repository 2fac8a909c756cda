using TradeFlow.EventSourcing;
using TestEvents = TradeFlow.EventSourcing.TestKit.TestEvents;

namespace TradeFlow.Postgres.Tests;

/// <summary>
/// <see cref="JsonColumn.Deferred"/>: appends write only the payload; the fill writes the jsonb copy into
/// <c>event_data</c> after the commit, resumes from its checkpoint, leaves no JSON event unfilled and fills no event
/// twice, while appends go on.
/// </summary>
public sealed class DeferredJsonTests : IAsyncLifetime
{
    private readonly string _schema = TestDatabase.NewSchema();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => TestDatabase.DropSchemaAsync(_schema);

    [Theory]
    [InlineData(256)] // multi-row INSERT
    [InlineData(1)] // binary COPY
    public async Task A_deferred_append_leaves_data_null_until_the_fill_writes_it_after_the_commit(int copyThreshold)
    {
        await using var store = await PostgresEventStore.OpenAsync(Manual(copyThreshold));
        var json = TestEvents.FullyPopulated();
        var binary = new EventData(Guid.NewGuid(), "Binary", 1, TestEvents.Bytes(64), TestEvents.Recorded, TestEvents.Recorded);
        var nul = new EventData(Guid.NewGuid(), "Nul", 1, "{\"a\":\"\\u0000\"}"u8.ToArray(), TestEvents.Recorded, TestEvents.Recorded);
        await store.AppendToStreamAsync("trade-json", ExpectedVersion.Any, [json, binary, nul]);

        Assert.Equal(0L, await TestDatabase.ScalarAsync($"SELECT count(*) FROM {_schema}.events_with_data WHERE data IS NOT NULL"));
        Assert.Equal(0L, await TestDatabase.ScalarAsync($"SELECT count(*) FROM {_schema}.events WHERE data IS NOT NULL"));
        Assert.Equal(3L, await TestDatabase.ScalarAsync($"SELECT behind FROM {_schema}.data_fill_status"));

        Assert.Equal(GlobalPosition.FromInt64(3), await store.FillDeferredJsonAsync());

        Assert.Equal("T000000000042", await TestDatabase.ScalarAsync($"SELECT data->>'tradeId' FROM {_schema}.events_with_data WHERE event_id = '{json.EventId}'"));
        Assert.Equal(DBNull.Value, await TestDatabase.ScalarAsync($"SELECT data FROM {_schema}.events_with_data WHERE event_id = '{binary.EventId}'"));
        Assert.Equal(DBNull.Value, await TestDatabase.ScalarAsync($"SELECT data FROM {_schema}.events_with_data WHERE event_id = '{nul.EventId}'"));
        Assert.Equal(0L, await TestDatabase.ScalarAsync($"SELECT behind FROM {_schema}.data_fill_status"));
    }

    [Fact]
    public async Task The_fill_worker_fills_each_commit_after_it_is_acked()
    {
        await using var store = await PostgresEventStore.OpenAsync(TestDatabase.Options(_schema, json: JsonColumn.Deferred));
        var result = await store.AppendToStreamAsync("trade-live", ExpectedVersion.NoStream, TestEvents.Events(10));

        await Poll.UntilAsync(async () => (await store.ReadJsonFilledToAsync()).Value >= result.LastPosition.Value, "the fill worker to reach the commit");

        Assert.Equal(10L, await TestDatabase.ScalarAsync($"SELECT count(*) FROM {_schema}.events_with_data WHERE data->>'label' LIKE 'e%'"));
    }

    [Fact]
    public async Task A_restarted_store_resumes_the_fill_at_its_checkpoint_and_fills_every_event_once()
    {
        await using (var first = await PostgresEventStore.OpenAsync(Manual(copyThreshold: 100, fillBatch: 300)))
        {
            first.AppendMultiple([new StreamAppend("trade-a", ExpectedVersion.NoStream, TestEvents.Events(600)),
                                  new StreamAppend("trade-b", ExpectedVersion.NoStream, TestEvents.Events(400))]).EnsureSuccess();
            // One step of a fill that then stops, as a worker that dies after its first transaction.
            await TestDatabase.ExecuteAsync($"SELECT {_schema}.fill_event_data(300)");
        }

        Assert.Equal(300L, await TestDatabase.ScalarAsync($"SELECT filled_to FROM {_schema}.data_fill_status"));
        await using var second = await PostgresEventStore.OpenAsync(TestDatabase.Options(_schema, json: JsonColumn.Deferred));
        await Poll.UntilAsync(async () => (await second.ReadJsonFilledToAsync()).Value == 1000, "the restarted worker to reach the head");

        await AssertEveryJsonEventFilledOnceAsync(expected: 1000);
    }

    [Fact]
    public async Task Appends_from_two_stores_while_both_fill_leave_no_event_unfilled()
    {
        var options = TestDatabase.Options(_schema, copyThreshold: 20, json: JsonColumn.Deferred);
        await using var a = await PostgresEventStore.OpenAsync(WithBatch(options, 37));
        await using var b = await PostgresEventStore.OpenAsync(WithBatch(options, 53));
        var appending = new[] { a, b, a, b }.Select((store, w) => Task.Run(async () =>
        {
            for (var i = 0; i < 15; i++)
            {
                // Commits of 1..40 events: both write paths, and fills that land in the middle of a commit's range.
                await store.AppendToStreamAsync($"trade-{w}", ExpectedVersion.Any, TestEvents.Events(1 + ((i * 7) + w) % 40));
            }
        })).ToArray();
        await Task.WhenAll(appending).WaitAsync(TimeSpan.FromSeconds(60));
        var head = a.HeadPosition.Value;

        await Poll.UntilAsync(async () => (await a.ReadJsonFilledToAsync()).Value == head, "the fill workers to reach the head");

        await AssertEveryJsonEventFilledOnceAsync(expected: head);
    }

    [Fact]
    public async Task A_marked_payload_jsonb_refuses_is_left_null_and_the_fill_goes_on_past_it()
    {
        await using var store = await PostgresEventStore.OpenAsync(Manual(copyThreshold: 1));
        await store.AppendToStreamAsync("trade-poison", ExpectedVersion.NoStream, [TestEvents.Event("before")]);
        // A row marked for the fill whose payload jsonb refuses (the client's check leaves such payloads unmarked;
        // this is a writer that did not), written as the store would, under the head.
        await TestDatabase.ExecuteAsync($"""
            INSERT INTO {_schema}.events (position, stream_id, version, event_id, type, schema_version, recorded_ticks, recorded_offset,
                                         effective_ticks, effective_offset, payload, recorded_at, effective_at, data_deferred)
            VALUES (2, 'trade-poison', 1, '{Guid.NewGuid()}', 'Huge', 1, 0, 0, 0, 0, convert_to('{"{"}"n":1e1000000{"}"}', 'UTF8'), now(), now(), true);
            UPDATE {_schema}.head SET position = 2;
            """);
        await store.AppendToStreamAsync("trade-poison", ExpectedVersion.At(1), [TestEvents.Event("after")]);

        Assert.Equal(GlobalPosition.FromInt64(3), await store.FillDeferredJsonAsync());

        Assert.Equal("before", await TestDatabase.ScalarAsync($"SELECT data->>'label' FROM {_schema}.events_with_data WHERE position = 1"));
        Assert.Equal(DBNull.Value, await TestDatabase.ScalarAsync($"SELECT data FROM {_schema}.events_with_data WHERE position = 2"));
        Assert.Equal("after", await TestDatabase.ScalarAsync($"SELECT data->>'label' FROM {_schema}.events_with_data WHERE position = 3"));
    }

    [Fact]
    public async Task A_fill_step_waits_until_its_minimum_is_unfilled_and_then_fills_up_to_its_maximum()
    {
        await using var store = await PostgresEventStore.OpenAsync(Manual(copyThreshold: 256));
        await store.AppendToStreamAsync("trade-min", ExpectedVersion.NoStream, TestEvents.Events(10));

        Assert.Equal(0L, await TestDatabase.ScalarAsync($"SELECT filled_to FROM {_schema}.fill_event_data(100, 11)"));
        Assert.Equal(0L, await TestDatabase.ScalarAsync($"SELECT count(*) FROM {_schema}.event_data"));
        Assert.Equal(4L, await TestDatabase.ScalarAsync($"SELECT filled_to FROM {_schema}.fill_event_data(4, 10)"));
        Assert.Equal(10L, await TestDatabase.ScalarAsync($"SELECT filled_to FROM {_schema}.fill_event_data(100)"));
        await AssertEveryJsonEventFilledOnceAsync(expected: 10);
    }

    private PostgresEventStoreOptions Manual(int copyThreshold, int fillBatch = 20_000) =>
        new(TestDatabase.ConnectionString)
        {
            Schema = _schema,
            CopyThreshold = copyThreshold,
            JsonColumn = JsonColumn.Deferred,
            DeferredFillBatch = fillBatch,
            RunDeferredFill = false,
        };

    private static PostgresEventStoreOptions WithBatch(PostgresEventStoreOptions options, int fillBatch) =>
        new(options.ConnectionString)
        {
            Schema = options.Schema,
            CopyThreshold = options.CopyThreshold,
            PollInterval = options.PollInterval,
            JsonColumn = options.JsonColumn,
            DeferredFillBatch = fillBatch,
        };

    // Every deferred (JSON) event has exactly one event_data row, equal to its payload as jsonb, and nothing else does.
    private async Task AssertEveryJsonEventFilledOnceAsync(long expected)
    {
        Assert.Equal(expected, await TestDatabase.ScalarAsync($"SELECT count(*) FROM {_schema}.events WHERE data_deferred"));
        Assert.Equal(expected, await TestDatabase.ScalarAsync($"SELECT count(*) FROM {_schema}.event_data"));
        Assert.Equal(0L, await TestDatabase.ScalarAsync($"""
            SELECT count(*) FROM {_schema}.events e LEFT JOIN {_schema}.event_data d USING (position)
            WHERE d.data IS DISTINCT FROM convert_from(e.payload, 'UTF8')::jsonb
            """));
    }
}
