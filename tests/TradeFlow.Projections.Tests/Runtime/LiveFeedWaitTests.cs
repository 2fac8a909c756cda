using TradeFlow.Domain.Events;
using TradeFlow.Domain.Values;
using TradeFlow.EventSourcing;
using TradeFlow.Projections.Runtime;

namespace TradeFlow.Projections.Tests.Runtime;

/// <summary>
/// The live feed's consumer wait: one reused source for every sleep (no object per wake-up), completed by the
/// producer's <see cref="LiveProjectionFeed.Notify"/> or by <see cref="LiveProjectionFeed.Wake"/>, never lost.
/// </summary>
public class LiveFeedWaitTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);
    private static readonly ITradeEvent Event = new TestEvent(default, DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task A_wait_for_an_event_not_yet_offered_ends_when_the_producer_notifies()
    {
        var feed = new LiveProjectionFeed(4);
        var wait = feed.WaitForMoreThanAsync(GlobalPosition.Start).AsTask();
        Assert.False(wait.IsCompleted);

        feed.Offer(At(1));
        feed.Notify();

        await wait.WaitAsync(Generous);
        Assert.True(feed.TryTake(out var taken));
        Assert.Equal(1, taken.Position.Value);
    }

    [Fact]
    public async Task A_wait_for_an_event_already_offered_ends_at_once()
    {
        var feed = new LiveProjectionFeed(4);
        feed.Offer(At(1));

        var wait = feed.WaitForMoreThanAsync(GlobalPosition.Start);

        Assert.True(wait.IsCompletedSuccessfully);
        await wait;
    }

    [Fact]
    public async Task Waking_the_feed_ends_a_wait_without_an_event_and_the_next_wait_sleeps_again()
    {
        var feed = new LiveProjectionFeed(4);
        var first = feed.WaitForMoreThanAsync(GlobalPosition.Start).AsTask();

        feed.Wake();
        await first.WaitAsync(Generous);
        var second = feed.WaitForMoreThanAsync(GlobalPosition.Start).AsTask();

        Assert.False(second.IsCompleted);
        feed.Offer(At(1));
        feed.Notify();
        await second.WaitAsync(Generous);
    }

    [Fact]
    public async Task A_consumer_sleeping_between_a_producers_events_sees_every_one_in_order()
    {
        // Thousands of sleeps on one reused source, producer and consumer on two threads racing each time: a lost wake
        // would hang the consumer (the generous timeout fails the test), a wait completed twice would throw.
        const int Events = 20_000;
        var feed = new LiveProjectionFeed(64);
        var consumer = Task.Run(async () =>
        {
            var seen = 0L;
            while (seen < Events)
            {
                while (feed.TryTake(out var e))
                {
                    Assert.Equal(seen + 1, e.Position.Value);
                    seen = e.Position.Value;
                }

                if (seen < Events)
                {
                    await feed.WaitForMoreThanAsync(GlobalPosition.FromInt64(seen)).ConfigureAwait(false);
                }
            }

            return seen;
        });
        var producer = Task.Run(() =>
        {
            for (var p = 1; p <= Events; p++)
            {
                while (!feed.Offer(At(p)))
                {
                    Thread.Yield();
                }

                feed.Notify();
            }
        });

        await producer.WaitAsync(Generous);
        Assert.Equal(Events, await consumer.WaitAsync(Generous));
    }

    [Fact]
    public void Sleeping_and_being_woken_allocates_nothing()
    {
        var feed = new LiveProjectionFeed(4);
        SleepAndWake(feed, 1, 100);

        var before = GC.GetAllocatedBytesForCurrentThread();
        SleepAndWake(feed, 101, 1_000);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    // Each round arms a wait before its event exists, then offers it and notifies: the wait ends, the event is taken.
    private static void SleepAndWake(LiveProjectionFeed feed, long first, int rounds)
    {
        for (var p = first; p < first + rounds; p++)
        {
            var wait = feed.WaitForMoreThanAsync(GlobalPosition.FromInt64(p - 1));
            Assert.False(wait.IsCompleted);
            feed.Offer(At(p));
            feed.Notify();
            // Completed, so nothing is left to wait for; the next wait re-arms the same source.
            Assert.True(wait.IsCompletedSuccessfully);
            Assert.True(feed.TryTake(out _));
        }
    }

    private static ProjectionEvent At(long position) =>
        new(GlobalPosition.FromInt64(position), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, Guid.Empty, Event);

    private sealed record TestEvent(TradeId TradeId, DateTimeOffset EffectiveTime) : ITradeEvent;
}
