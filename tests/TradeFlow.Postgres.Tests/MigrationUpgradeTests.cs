using TradeFlow.EventSourcing;
using TradeFlow.Postgres.Schema;
using TestEvents = TradeFlow.EventSourcing.TestKit.TestEvents;

namespace TradeFlow.Postgres.Tests;

/// <summary>
/// A database created by an earlier release upgrades in place: the migrator applies only what is missing, the rows
/// already stored keep every value, and the store appends and reads on the upgraded schema.
/// </summary>
public sealed class MigrationUpgradeTests : IAsyncLifetime
{
    private readonly string _schema = TestDatabase.NewSchema();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => TestDatabase.DropSchemaAsync(_schema);

    [Fact]
    public async Task A_version_2_schema_with_events_upgrades_to_the_latest_version_and_keeps_its_rows()
    {
        await CreateAtVersionAsync(2);
        // An event written by the version-2 store: recorded_at and effective_at were generated from the ticks.
        var recorded = new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.FromHours(1)).AddTicks(1230);
        await TestDatabase.ExecuteAsync($"""
            INSERT INTO {_schema}.events (position, stream_id, version, event_id, type, schema_version, recorded_ticks, recorded_offset,
                                          effective_ticks, effective_offset, payload, data)
            VALUES (1, 'trade-old', 0, '{Guid.NewGuid()}', 'TradeBooked', 1, {recorded.UtcTicks}, 60, {recorded.UtcTicks}, 60,
                    convert_to('{"{"}"tradeId":"T1"{"}"}', 'UTF8'), '{"{"}"tradeId":"T1"{"}"}');
            UPDATE {_schema}.head SET position = 1;
            """);

        var applied = await PostgresEventStore.MigrateAsync(TestDatabase.Options(_schema));

        Assert.Equal([3, 4], applied);
        Assert.Equal(1L, await TestDatabase.ScalarAsync($"SELECT filled_to FROM {_schema}.data_fill_status"));
        Assert.Equal("T1", await TestDatabase.ScalarAsync($"SELECT data->>'tradeId' FROM {_schema}.events_with_data WHERE position = 1"));
        Assert.Equal(recorded.UtcDateTime, (DateTime)(await TestDatabase.ScalarAsync($"SELECT recorded_at FROM {_schema}.events WHERE position = 1"))!);
        Assert.Equal("C", await TestDatabase.ScalarAsync(
            $"SELECT collation_name FROM information_schema.columns WHERE table_schema = '{_schema}' AND table_name = 'events' AND column_name = 'stream_id'"));
        Assert.Equal("NEVER", await TestDatabase.ScalarAsync(
            $"SELECT is_generated FROM information_schema.columns WHERE table_schema = '{_schema}' AND table_name = 'events' AND column_name = 'recorded_at'"));

        await using var store = await PostgresEventStore.OpenAsync(TestDatabase.Options(_schema, copyThreshold: 1));
        var next = TestEvents.FullyPopulated();
        var result = await store.AppendToStreamAsync("trade-old", ExpectedVersion.At(0), [next]);
        Assert.Equal(GlobalPosition.FromInt64(2), result.EnsureSuccess().LastPosition);
        var read = await store.ReadStreamAsync("trade-old", Direction.Forwards, 0).ToListAsync();
        Assert.Equal([0L, 1L], read.Select(e => e.StreamVersion));
        Assert.Equal(recorded, read[0].RecordedTime);
        Assert.Equal(TimeSpan.FromHours(1), read[0].RecordedTime.Offset);
        TestEvents.AssertSameData(next, read[1]);
    }

    [Fact]
    public async Task A_new_event_on_an_upgraded_schema_violating_the_stream_version_is_still_refused()
    {
        await CreateAtVersionAsync(2);
        await PostgresEventStore.MigrateAsync(TestDatabase.Options(_schema));
        await using var store = await PostgresEventStore.OpenAsync(TestDatabase.Options(_schema));
        await store.AppendToStreamAsync("trade-x", ExpectedVersion.NoStream, [TestEvents.FullyPopulated()]);

        // A writer that bypassed the head lock hits the rebuilt unique (stream_id, version) index.
        var duplicate = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => TestDatabase.ExecuteAsync($"""
            INSERT INTO {_schema}.events (position, stream_id, version, event_id, type, schema_version, recorded_ticks, recorded_offset,
                                          effective_ticks, effective_offset, payload, recorded_at, effective_at)
            SELECT 99, stream_id, version, gen_random_uuid(), type, 1, 0, 0, 0, 0, payload, now(), now() FROM {_schema}.events
            """));
        Assert.Equal("23505", duplicate.SqlState);
    }

    // Applies migrations 1 … version as that release's migrator did, recording each in schema_migrations.
    private async Task CreateAtVersionAsync(int version)
    {
        await TestDatabase.ExecuteAsync($"""
            CREATE SCHEMA {_schema};
            CREATE TABLE {_schema}.schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());
            """);
        foreach (var migration in EventStoreMigrations.All.Where(m => m.Version <= version))
        {
            await TestDatabase.ExecuteAsync(migration.Sql.Replace("{schema}", _schema, StringComparison.Ordinal));
            await TestDatabase.ExecuteAsync($"INSERT INTO {_schema}.schema_migrations (version, name) VALUES ({migration.Version}, 'old')");
        }
    }
}
