using System.Text;
using TradeFlow.EventSourcing;
using TestEvents = TradeFlow.EventSourcing.TestKit.TestEvents;

namespace TradeFlow.Postgres.Tests;

/// <summary>
/// The COPY path encodes rows itself (PostgreSQL's binary COPY format): what the server stores must be exactly what
/// the INSERT path stores, for every column type, across chunk boundaries, and a refused COPY must leave nothing.
/// </summary>
public sealed class CopyEncodingTests : IAsyncLifetime
{
    private readonly string _schema = TestDatabase.NewSchema();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => TestDatabase.DropSchemaAsync(_schema);

    [Fact]
    public async Task A_copy_larger_than_one_chunk_reads_back_byte_for_byte()
    {
        await using var store = await PostgresEventStore.OpenAsync(TestDatabase.Options(_schema, copyThreshold: 1));
        var events = TestEvents.Events(400, payloadSize: 2_000); // ~0.8 MB: many 16 KB chunks

        await store.AppendToStreamAsync("trade-big", ExpectedVersion.NoStream, events);

        var read = await store.ReadStreamAsync("trade-big", Direction.Forwards, 0).ToListAsync();
        Assert.Equal(events.Length, read.Count);
        for (var i = 0; i < events.Length; i++)
        {
            TestEvents.AssertSameData(events[i], read[i]);
        }
    }

    [Theory]
    [InlineData(256)] // multi-row INSERT
    [InlineData(1)] // binary COPY
    public async Task Every_column_is_stored_alike_by_insert_and_copy(int copyThreshold)
    {
        await using var store = await PostgresEventStore.OpenAsync(TestDatabase.Options(_schema, copyThreshold));
        var recorded = new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.FromMinutes(-210)).AddTicks(70); // whole microseconds: what timestamptz keeps
        var data = new EventData(Guid.NewGuid(), "Zürich·Überweisung", 3, Encoding.UTF8.GetBytes("{\"city\":\"Zürich\",\"n\":1}"),
            recorded, recorded.AddDays(-3))
        {
            CorrelationId = Guid.NewGuid(),
            CausationId = Guid.NewGuid(),
            Source = "FIX:BANQUE-ÉTÉ:MsgSeqNum=9",
            Actor = "trader:Åsa",
            Metadata = Encoding.UTF8.GetBytes("{\"k\":\"ü\"}"),
        };

        await store.AppendToStreamAsync("trade-ünicode", ExpectedVersion.NoStream, [data]);

        TestEvents.AssertSameData(data, (await store.ReadStreamAsync("trade-ünicode", Direction.Forwards, 0).ToListAsync()).Single());
        Assert.Equal("Zürich", await TestDatabase.ScalarAsync($"SELECT data->>'city' FROM {_schema}.events WHERE event_id = '{data.EventId}'"));
        Assert.Equal(data.EffectiveTime.UtcDateTime, (DateTime)(await TestDatabase.ScalarAsync($"SELECT effective_at FROM {_schema}.events WHERE event_id = '{data.EventId}'"))!);
        Assert.Equal(data.CorrelationId, await TestDatabase.ScalarAsync($"SELECT correlation_id FROM {_schema}.events WHERE event_id = '{data.EventId}'"));
    }

    [Fact]
    public async Task A_copy_the_server_refuses_leaves_nothing_and_the_store_appends_again()
    {
        await using var store = await PostgresEventStore.OpenAsync(TestDatabase.Options(_schema, copyThreshold: 1));
        var good = TestEvents.Events(5);
        var refused = TestEvents.Events(5);
        refused[3] = refused[3] with { Source = "NUL\0in text" }; // PostgreSQL text cannot hold U+0000: the server fails the COPY

        await Assert.ThrowsAnyAsync<Exception>(async () => await store.AppendToStreamAsync("trade-refused", ExpectedVersion.NoStream, refused));
        Assert.Equal(0L, await TestDatabase.ScalarAsync($"SELECT count(*) FROM {_schema}.events"));

        var result = await store.AppendToStreamAsync("trade-good", ExpectedVersion.NoStream, good);
        Assert.Equal(GlobalPosition.FromInt64(5), result.EnsureSuccess().LastPosition);
    }

    [Fact]
    public async Task Recorded_at_and_effective_at_are_stored_alike_by_insert_and_copy_for_every_kind_of_time()
    {
        var times = new[]
        {
            new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.FromMinutes(330)).AddTicks(1234567), // sub-microsecond ticks: truncated
            new DateTimeOffset(1999, 12, 31, 23, 59, 59, TimeSpan.Zero).AddTicks(9_999_995), // before PostgreSQL's epoch
            DateTimeOffset.MinValue, // -infinity, as Npgsql writes DateTime.MinValue
            DateTimeOffset.MaxValue, // infinity
        };
        await using var insert = await PostgresEventStore.OpenAsync(TestDatabase.Options(_schema, copyThreshold: 256));
        await using var copy = await PostgresEventStore.OpenAsync(TestDatabase.Options(_schema, copyThreshold: 1));
        await insert.AppendToStreamAsync("trade-insert", ExpectedVersion.NoStream, times.Select(t => new EventData(Guid.NewGuid(), "T", 1, "{}"u8.ToArray(), t, t)).ToArray());
        await copy.AppendToStreamAsync("trade-copy", ExpectedVersion.NoStream, times.Select(t => new EventData(Guid.NewGuid(), "T", 1, "{}"u8.ToArray(), t, t)).ToArray());

        Assert.Equal(0L, await TestDatabase.ScalarAsync($"""
            SELECT count(*) FROM {_schema}.events i JOIN {_schema}.events c ON c.stream_id = 'trade-copy' AND c.version = i.version
            WHERE i.stream_id = 'trade-insert' AND (i.recorded_at IS DISTINCT FROM c.recorded_at OR i.effective_at IS DISTINCT FROM c.effective_at)
            """));
        Assert.Equal("2026-03-02 04:00:00.123456+00", await TestDatabase.ScalarAsync(
            $"SELECT recorded_at AT TIME ZONE 'UTC' || '+00' FROM {_schema}.events WHERE stream_id = 'trade-copy' AND version = 0"));
        Assert.Equal("-infinity infinity", await TestDatabase.ScalarAsync(
            $"SELECT string_agg(recorded_at::text, ' ' ORDER BY version) FROM {_schema}.events WHERE stream_id = 'trade-copy' AND version >= 2"));
        foreach (var stream in new[] { "trade-insert", "trade-copy" })
        {
            var read = await copy.ReadStreamAsync(stream, Direction.Forwards, 0).ToListAsync();
            Assert.Equal(times, read.Select(e => e.RecordedTime));
        }
    }
}
