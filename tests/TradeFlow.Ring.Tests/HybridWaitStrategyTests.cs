using TradeFlow.Ring.WaitStrategies;

namespace TradeFlow.Ring.Tests;

// The hybrid strategy wakes only the sleepers a publish releases; these pin that nobody is left asleep.
public class HybridWaitStrategyTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Each_blocked_waiter_is_released_by_its_own_upstream_whichever_advances_first()
    {
        var strategy = new HybridWaitStrategy(spinIterations: 0);
        var ring = new RingBuffer<long[]>(static () => new long[1], 8, ProducerType.Single, strategy);
        ring.Publish(ring.Next());
        Sequence first = new(), second = new();
        var waitOnFirst = Task.Run(() => ring.NewBarrier(first).WaitFor(0));
        var waitOnSecond = Task.Run(() => ring.NewBarrier(second).WaitFor(0));

        second.SetValue(0);
        strategy.SignalAllWhenBlocking();
        Assert.Equal(0, await waitOnSecond.WaitAsync(Generous));
        Assert.False(waitOnFirst.IsCompleted);

        first.SetValue(0);
        strategy.SignalAllWhenBlocking();
        Assert.Equal(0, await waitOnFirst.WaitAsync(Generous));
    }

    [Fact]
    public async Task More_blocked_waiters_than_the_first_registry_holds_are_each_released_by_their_own_upstream()
    {
        const int Waiters = 12;
        var strategy = new HybridWaitStrategy(spinIterations: 0);
        var ring = new RingBuffer<long[]>(static () => new long[1], 8, ProducerType.Single, strategy);
        ring.Publish(ring.Next());
        var upstreams = Enumerable.Range(0, Waiters).Select(_ => new Sequence()).ToArray();
        var waits = upstreams.Select(upstream => Task.Factory.StartNew(() => ring.NewBarrier(upstream).WaitFor(0),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        Assert.True(SpinWait.SpinUntil(() => strategy.Sleepers == Waiters, Generous), "every waiter blocks");

        // Released last to first, so the waiters in the grown part of the registry go first.
        for (var i = Waiters - 1; i >= 0; i--)
        {
            upstreams[i].SetValue(0);
            strategy.SignalAllWhenBlocking();
            Assert.Equal(0, await waits[i].WaitAsync(Generous));
            Assert.All(waits[..i], wait => Assert.False(wait.IsCompleted));
        }

        Assert.Equal(0, strategy.Sleepers);
    }

    [Fact]
    public async Task Alerting_a_barrier_releases_its_blocked_waiter_with_an_alert()
    {
        var strategy = new HybridWaitStrategy(spinIterations: 0);
        var ring = new RingBuffer<long[]>(static () => new long[1], 8, ProducerType.Single, strategy);
        var barrier = ring.NewBarrier();
        var waiting = Task.Run(() => barrier.WaitFor(0));

        barrier.Alert();

        await Assert.ThrowsAsync<AlertException>(() => waiting.WaitAsync(Generous));
    }

    [Fact]
    public async Task Two_threads_handing_sequences_back_and_forth_through_blocking_waits_never_lose_a_wake_up()
    {
        const int Rounds = 2_000;
        var strategy = new HybridWaitStrategy(spinIterations: 0);
        var ring = new RingBuffer<long[]>(static () => new long[1], 8, ProducerType.Single, strategy);
        var barrier = ring.NewBarrier();
        Sequence cursor = new(), ping = new(), pong = new();
        var afterPing = new DependentSequenceGroup(cursor, ping);
        var afterPong = new DependentSequenceGroup(cursor, pong);

        // Each side blocks (no spin phase) until the other's sequence reaches the round: a lost
        // wake-up would leave both asleep and the test would time out.
        var ponger = Task.Run(() =>
        {
            for (long i = 0; i < Rounds; i++)
            {
                strategy.WaitFor(i, afterPing, barrier);
                pong.SetValue(i);
                strategy.SignalAllWhenBlocking();
            }
        });
        var pinger = Task.Run(() =>
        {
            for (long i = 0; i < Rounds; i++)
            {
                ping.SetValue(i);
                strategy.SignalAllWhenBlocking();
                strategy.WaitFor(i, afterPong, barrier);
            }
        });

        await Task.WhenAll(ponger, pinger).WaitAsync(Generous);
        Assert.Equal(Rounds - 1, pong.Value);
    }
}
