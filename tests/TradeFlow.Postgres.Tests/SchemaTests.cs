using TradeFlow.EventSourcing;
using TestEvents = TradeFlow.EventSourcing.TestKit.TestEvents;

namespace TradeFlow.Postgres.Tests;

public sealed class SchemaTests : IAsyncLifetime
{
    private readonly string _schema = TestDatabase.NewSchema();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => TestDatabase.DropSchemaAsync(_schema);

    [Fact]
    public async Task Migrating_again_applies_nothing_and_records_each_migration_once()
    {
        var first = await PostgresEventStore.MigrateAsync(TestDatabase.Options(_schema));
        var second = await PostgresEventStore.MigrateAsync(TestDatabase.Options(_schema));

        Assert.Equal([1, 2, 3, 4], first);
        Assert.Empty(second);
        Assert.Equal(4L, await TestDatabase.ScalarAsync($"SELECT count(*) FROM {_schema}.schema_migrations"));
    }

    [Fact]
    public async Task Stores_opening_a_new_schema_at_the_same_time_migrate_it_once()
    {
        var opening = Enumerable.Range(0, 3).Select(_ => PostgresEventStore.OpenAsync(TestDatabase.Options(_schema))).ToArray();
        var stores = await Task.WhenAll(opening);
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }

        Assert.Equal(4L, await TestDatabase.ScalarAsync($"SELECT count(*) FROM {_schema}.schema_migrations"));
    }

    [Theory]
    [InlineData("Upper")]
    [InlineData("semi;colon")]
    [InlineData("9starts_with_digit")]
    [InlineData("")]
    public async Task A_schema_name_that_would_need_quoting_is_refused(string schema)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => PostgresEventStore.OpenAsync(new PostgresEventStoreOptions(TestDatabase.ConnectionString) { Schema = schema }));
    }

    [Theory]
    [InlineData(256)] // multi-row INSERT
    [InlineData(1)] // binary COPY
    public async Task A_json_payload_is_queryable_as_jsonb_and_other_bytes_leave_that_column_null(int copyThreshold)
    {
        await using var store = await PostgresEventStore.OpenAsync(TestDatabase.Options(_schema, copyThreshold));
        var json = TestEvents.FullyPopulated();
        var binary = new EventData(Guid.NewGuid(), "Binary", 1, TestEvents.Bytes(64), TestEvents.Recorded, TestEvents.Recorded);
        var nul = new EventData(Guid.NewGuid(), "Nul", 1, "{\"a\":\"\\u0000\"}"u8.ToArray(), TestEvents.Recorded, TestEvents.Recorded);
        await store.AppendToStreamAsync("trade-json", ExpectedVersion.Any, [json, binary, nul]);

        Assert.Equal("T000000000042", await TestDatabase.ScalarAsync($"SELECT data->>'tradeId' FROM {_schema}.events WHERE event_id = '{json.EventId}'"));
        Assert.Equal(DBNull.Value, await TestDatabase.ScalarAsync($"SELECT data FROM {_schema}.events WHERE event_id = '{binary.EventId}'"));
        Assert.Equal(DBNull.Value, await TestDatabase.ScalarAsync($"SELECT data FROM {_schema}.events WHERE event_id = '{nul.EventId}'"));
        var recordedAt = (DateTime)(await TestDatabase.ScalarAsync($"SELECT recorded_at FROM {_schema}.events WHERE event_id = '{json.EventId}'"))!;
        Assert.Equal(json.RecordedTime.UtcDateTime, recordedAt);
    }

    [Theory]
    [InlineData(256)] // multi-row INSERT
    [InlineData(1)] // binary COPY
    public async Task A_json_number_beyond_numerics_range_is_appended_with_its_jsonb_copy_left_null(int copyThreshold)
    {
        await using var store = await PostgresEventStore.OpenAsync(TestDatabase.Options(_schema, copyThreshold));
        var huge = new EventData(Guid.NewGuid(), "Huge", 1, "{\"n\":1e1000000}"u8.ToArray(), TestEvents.Recorded, TestEvents.Recorded);
        var fine = new EventData(Guid.NewGuid(), "Fine", 1, "{\"n\":1.5e-300}"u8.ToArray(), TestEvents.Recorded, TestEvents.Recorded);

        await store.AppendToStreamAsync("trade-huge", ExpectedVersion.NoStream, [huge, fine]);

        Assert.Equal(DBNull.Value, await TestDatabase.ScalarAsync($"SELECT data FROM {_schema}.events WHERE event_id = '{huge.EventId}'"));
        Assert.Equal("number", await TestDatabase.ScalarAsync($"SELECT jsonb_typeof(data->'n') FROM {_schema}.events WHERE event_id = '{fine.EventId}'"));
        Assert.Equal(huge.Payload.ToArray(), (await store.ReadStreamAsync("trade-huge", Direction.Forwards, 0).ToListAsync())[0].Data.Payload.ToArray());
    }

    [Fact]
    public async Task Times_keep_their_offset_and_every_tick()
    {
        await using var store = await PostgresEventStore.OpenAsync(TestDatabase.Options(_schema));
        var recorded = new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.FromMinutes(330)).AddTicks(1234567);
        var data = new EventData(Guid.NewGuid(), "T", 1, "{}"u8.ToArray(), recorded, recorded.ToOffset(TimeSpan.FromHours(-4)).AddTicks(1));
        await store.AppendToStreamAsync("trade-ticks", ExpectedVersion.Any, [data]);

        var read = (await store.ReadStreamAsync("trade-ticks", Direction.Forwards, 0).ToListAsync()).Single();

        TestEvents.AssertSameData(data, read);
    }

    [Fact]
    public void A_large_synchronous_multi_stream_append_goes_through_COPY_and_reads_back_in_order()
    {
        using var store = PostgresEventStore.Open(TestDatabase.Options(_schema, copyThreshold: 100));
        var a = TestEvents.Events(150);
        var b = TestEvents.Events(50);

        var result = store.AppendMultiple([new StreamAppend("trade-a", ExpectedVersion.NoStream, a), new StreamAppend("trade-b", ExpectedVersion.NoStream, b)]).EnsureSuccess();

        Assert.Equal(GlobalPosition.FromInt64(200), result.LastPosition);
        Assert.Equal(a.Select(e => e.EventId), store.ReadStream("trade-a", Direction.Forwards, 0).Select(e => e.EventId));
        Assert.Equal(b.Reverse().Select(e => e.EventId), store.ReadStream("trade-b", Direction.Backwards, StreamVersion.End).Select(e => e.EventId));
        Assert.Equal(Enumerable.Range(1, 200).Select(p => (long)p), store.ReadAll(GlobalPosition.Start, Direction.Forwards).Select(e => e.Position.Value));
    }
}
