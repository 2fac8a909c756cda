using Npgsql;
using TradeFlow.EventSourcing;
using TestEvents = TradeFlow.EventSourcing.TestKit.TestEvents;

namespace TradeFlow.Postgres.Tests;

/// <summary>A backend killed in the middle of an append: nothing partial is visible, and the retry is safe.</summary>
public sealed class ConnectionFailureTests(SchemaFixture fixture) : IClassFixture<SchemaFixture>
{
    [Theory]
    [InlineData(10, 100)] // 1,000 events: binary COPY
    [InlineData(3, 2)] // 6 events: multi-row INSERT
    public async Task A_backend_terminated_mid_append_leaves_nothing_and_the_retry_writes_the_batch_exactly_once(int streams, int eventsEach)
    {
        await using var store = await PostgresEventStore.OpenAsync(TestDatabase.Options(fixture.Schema));
        var prefix = "trade-" + Guid.NewGuid().ToString("N")[..8];
        var appends = Enumerable.Range(0, streams)
            .Select(s => new StreamAppend($"{prefix}-{s}", ExpectedVersion.NoStream, TestEvents.Events(eventsEach)))
            .ToArray();
        var head = store.HeadPosition;
        var armed = true;
        store.BeforeCommit = async pid =>
        {
            if (armed)
            {
                armed = false;
                Assert.Equal(true, await TestDatabase.ScalarAsync($"SELECT pg_terminate_backend({pid})"));
            }
        };

        await Assert.ThrowsAnyAsync<NpgsqlException>(async () => await store.AppendMultipleAsync(appends));

        Assert.Equal(head, store.HeadPosition);
        Assert.Empty(await store.ReadAllAsync(head.Next, Direction.Forwards).ToListAsync());
        Assert.All(appends, a => Assert.Equal(StreamVersion.None, store.GetStreamVersion(a.Stream)));

        var retry = (await store.AppendMultipleAsync(appends)).EnsureSuccess();
        var again = (await store.AppendMultipleAsync(appends)).EnsureSuccess();

        Assert.All(retry.Results.ToArray(), r => Assert.False(r.WasAlreadyWritten));
        Assert.All(again.Results.ToArray(), r => Assert.True(r.WasAlreadyWritten));
        Assert.Equal(retry.Results.ToArray().Select(r => r.LastPosition), again.Results.ToArray().Select(r => r.LastPosition));
        Assert.Equal(streams * eventsEach, (await store.ReadAllAsync(head.Next, Direction.Forwards).ToListAsync()).Count);
        Assert.Equal(head.Value + (streams * eventsEach), store.HeadPosition.Value);
    }
}
