using TradeFlow.EventSourcing;
using TestEvents = TradeFlow.EventSourcing.TestKit.TestEvents;

namespace TradeFlow.Postgres.Tests;

/// <summary>The commit's NOTIFY (sent by the statement that advances the head) wakes a caught-up subscription.</summary>
public sealed class NotificationTests : IAsyncLifetime
{
    private readonly string _schema = TestDatabase.NewSchema();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => TestDatabase.DropSchemaAsync(_schema);

    [Theory]
    [InlineData(256)] // multi-row INSERT
    [InlineData(1)] // binary COPY
    public async Task A_caught_up_subscription_is_woken_by_the_commit_notification_long_before_its_poll(int copyThreshold)
    {
        // A poll interval far beyond the test's 30 s bound: only the NOTIFY can deliver the second event in time.
        var options = new PostgresEventStoreOptions(TestDatabase.ConnectionString)
        {
            Schema = _schema,
            CopyThreshold = copyThreshold,
            PollInterval = TimeSpan.FromMinutes(10),
        };
        await using var store = await PostgresEventStore.OpenAsync(options);
        await store.AppendToStreamAsync("trade-1", ExpectedVersion.NoStream, [TestEvents.Event("first")]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var subscription = store.SubscribeToAllAsync(GlobalPosition.Start, timeout.Token).GetAsyncEnumerator(timeout.Token);
        Assert.True(await subscription.MoveNextAsync());

        // The listener's LISTEN has run once its connection shows it (a notification sent before it would be missed).
        await Poll.UntilAsync(
            async () => (long)(await TestDatabase.ScalarAsync($"SELECT count(*) FROM pg_stat_activity WHERE query = 'LISTEN {_schema}_events'"))! > 0,
            "the subscription's LISTEN");
        // The listener also wakes the reader once after LISTEN (for commits it could not have heard of): that single
        // wake-up can deliver at most one of these, so the other needs the NOTIFY.
        foreach (var stream in new[] { "trade-2", "trade-3" })
        {
            var next = TestEvents.Event(stream);
            await store.AppendToStreamAsync(stream, ExpectedVersion.NoStream, [next]);

            Assert.True(await subscription.MoveNextAsync());
            Assert.Equal(next.EventId, subscription.Current.EventId);
        }
    }
}
