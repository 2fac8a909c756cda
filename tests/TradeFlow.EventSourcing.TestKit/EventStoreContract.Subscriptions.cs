namespace TradeFlow.EventSourcing.TestKit;

public abstract partial class EventStoreContract
{
    /// <summary>Collects this test's events until <paramref name="count"/> arrive.</summary>
    private async Task<List<RecordedEvent>> CollectOursAsync(IAsyncEnumerable<RecordedEvent> subscription, int count, CancellationToken cancellationToken)
    {
        var ours = new List<RecordedEvent>();
        await foreach (var recorded in subscription.WithCancellation(cancellationToken))
        {
            if (IsOurs(recorded))
            {
                ours.Add(recorded);
                if (ours.Count == count)
                {
                    break;
                }
            }
        }

        return ours;
    }

    [Fact]
    public async Task A_subscription_from_the_start_delivers_history_then_live_events_in_order()
    {
        using var timeout = new CancellationTokenSource(Patience);
        var stream = NewStream();
        var history = TestEvents.Events(3);
        await AppendAsync(stream, ExpectedVersion.NoStream, history);

        var collecting = CollectOursAsync(Store.SubscribeToAllAsync(GlobalPosition.Start, timeout.Token), 5, timeout.Token);
        var live = TestEvents.Events(2);
        await AppendAsync(stream, ExpectedVersion.At(2), live);
        var delivered = await collecting;

        Assert.Equal(history.Concat(live).Select(e => e.EventId), delivered.Select(e => e.EventId));
    }

    [Fact]
    public async Task A_subscription_from_the_middle_starts_at_that_position()
    {
        using var timeout = new CancellationTokenSource(Patience);
        var stream = NewStream();
        await AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Events(4));
        var third = (await ReadAsync(stream))[2];

        var delivered = await CollectOursAsync(Store.SubscribeToAllAsync(third.Position, timeout.Token), 2, timeout.Token);

        Assert.Equal([2L, 3], delivered.Select(e => e.StreamVersion));
    }

    [Fact]
    public async Task A_subscription_from_the_end_delivers_only_later_commits()
    {
        using var timeout = new CancellationTokenSource(Patience);
        var stream = NewStream();
        await AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Events(2));

        await using var subscription = Store.SubscribeToAllAsync(GlobalPosition.End, timeout.Token).GetAsyncEnumerator(timeout.Token);
        var moving = subscription.MoveNextAsync();
        var live = TestEvents.Event("live");
        await AppendAsync(stream, ExpectedVersion.At(1), live);

        while (true)
        {
            Assert.True(await moving);
            if (IsOurs(subscription.Current))
            {
                break;
            }

            moving = subscription.MoveNextAsync();
        }

        Assert.Equal(live.EventId, subscription.Current.EventId);
    }

    [Fact]
    public async Task A_subscription_racing_concurrent_appends_delivers_every_event_once_in_global_order()
    {
        using var timeout = new CancellationTokenSource(Patience);
        const int Writers = 4;
        const int AppendsPerWriter = 25;
        var streams = Enumerable.Range(0, Writers).Select(_ => NewStream()).ToArray();
        await AppendAsync(streams[0], ExpectedVersion.NoStream, TestEvents.Events(1));

        // Start the subscription while the writers run, so that it crosses from history to live under load.
        var writers = streams.Select((s, w) => Task.Run(async () =>
        {
            for (var i = 0; i < AppendsPerWriter; i++)
            {
                await Store.AppendToStreamAsync(s, ExpectedVersion.Any, TestEvents.Events(1), timeout.Token);
            }
        })).ToArray();
        var delivered = await CollectOursAsync(Store.SubscribeToAllAsync(GlobalPosition.Start, timeout.Token), 1 + (Writers * AppendsPerWriter), timeout.Token);
        await Task.WhenAll(writers);

        var all = (await Store.ReadAllAsync(GlobalPosition.Start, Direction.Forwards).ToListAsync()).Where(IsOurs).ToList();
        Assert.Equal(all.Select(e => e.EventId), delivered.Select(e => e.EventId));
        Assert.Equal(delivered.Count, delivered.Select(e => e.Position).Distinct().Count());
    }

    [Fact]
    public async Task Cancelling_a_waiting_subscription_ends_it()
    {
        using var cancel = new CancellationTokenSource();
        await using var subscription = Store.SubscribeToAllAsync(GlobalPosition.End, cancel.Token).GetAsyncEnumerator(cancel.Token);
        var moving = subscription.MoveNextAsync().AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => moving.WaitAsync(Patience));
    }
}
