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
}
