using TradeFlow.EventSourcing;
using TestEvents = TradeFlow.EventSourcing.TestKit.TestEvents;

namespace TradeFlow.Postgres.Tests;

/// <summary>
/// The high-water-mark property: positions handed out by a slow transaction are never overtaken by faster
/// writers, so a reader reading "from next" never skips an event that commits later with a lower position.
/// </summary>
public sealed class OrderingTests(SchemaFixture fixture) : IClassFixture<SchemaFixture>
{
    private const int Writers = 4;
    private const int AppendsPerWriter = 5;
    private const int SlowEvents = 5;

    [Fact]
    public async Task A_subscriber_never_sees_a_later_position_before_a_slow_transactions_earlier_one()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var store = await PostgresEventStore.OpenAsync(TestDatabase.Options(fixture.Schema));
        await using var slowStore = await PostgresEventStore.OpenAsync(TestDatabase.Options(fixture.Schema));
        await store.AppendToStreamAsync("trade-before", ExpectedVersion.NoStream, TestEvents.Events(3));
        var before = store.HeadPosition.Value;
        var expected = (int)before + SlowEvents + (Writers * AppendsPerWriter);
        var collecting = CollectAsync(store.SubscribeToAllAsync(GlobalPosition.Start, timeout.Token), expected, timeout.Token);

        var stalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        slowStore.BeforeCommit = async _ =>
        {
            stalled.TrySetResult();
            await release.Task;
        };
        var slow = Task.Run(async () => await slowStore.AppendToStreamAsync("trade-slow", ExpectedVersion.NoStream, TestEvents.Events(SlowEvents)));
        await stalled.Task.WaitAsync(timeout.Token);

        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < AppendsPerWriter; i++)
            {
                await store.AppendToStreamAsync($"trade-writer-{w}", ExpectedVersion.Any, TestEvents.Events(1));
            }
        })).ToArray();
        await Poll.UntilAsync(async () => await WaitingAppendersAsync() >= Writers, "the writers to queue behind the slow transaction");

        // While the slow transaction is open nothing after it is visible: its positions are not yet overtaken.
        Assert.Equal(before, store.HeadPosition.Value);
        Assert.Equal(before, (await store.ReadAllAsync(GlobalPosition.Start, Direction.Forwards).ToListAsync()).Count);

        release.SetResult();
        await slow.WaitAsync(timeout.Token);
        await Task.WhenAll(writers).WaitAsync(timeout.Token);
        var delivered = await collecting;

        Assert.Equal(Enumerable.Range(1, expected).Select(p => (long)p), delivered.Select(e => e.Position.Value));
        Assert.All(delivered.Skip((int)before).Take(SlowEvents), e => Assert.Equal("trade-slow", e.StreamId));
    }

    private async Task<long> WaitingAppendersAsync() =>
        (long)(await TestDatabase.ScalarAsync(
            $"SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%{fixture.Schema}.head FOR UPDATE%'"))!;

    private static async Task<List<RecordedEvent>> CollectAsync(IAsyncEnumerable<RecordedEvent> subscription, int count, CancellationToken cancellationToken)
    {
        var delivered = new List<RecordedEvent>();
        await foreach (var recorded in subscription.WithCancellation(cancellationToken))
        {
            delivered.Add(recorded);
            if (delivered.Count == count)
            {
                break;
            }
        }

        return delivered;
    }
}
