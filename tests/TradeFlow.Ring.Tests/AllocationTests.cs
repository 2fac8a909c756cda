using System.Diagnostics;
using TradeFlow.Ring.Processing;
using TradeFlow.Ring.Tests.Support;
using TradeFlow.Ring.WaitStrategies;

namespace TradeFlow.Ring.Tests;

/// <summary>
/// Publishing and consuming allocate nothing per event. Counted with the thread's own allocation
/// counter, which is exact and deterministic (no timing, no GC involved).
/// </summary>
public sealed class AllocationTests
{
    private const int Warmup = 20_000;
    private const int Measured = 100_000;

    [Theory]
    [InlineData(ProducerType.Single, "Hybrid")]
    [InlineData(ProducerType.Multi, "Hybrid")]
    [InlineData(ProducerType.Single, "Blocking")]
    [InlineData(ProducerType.Multi, "Yielding")]
    public void Publishing_to_a_running_pipeline_allocates_nothing_on_either_side(ProducerType type, string strategy)
    {
        var waitStrategy = Strategies.Create(strategy);
        var ring = new RingBuffer<TestSlot>(() => new(), 64, type, waitStrategy);
        // Halfway through the warm-up the consumer holds back until the producer has blocked on the full ring.
        var consumer = new AllocationCountingHandler(measureFrom: Warmup, measureTo: Warmup + Measured - 1,
            holdAt: Warmup / 2, hold: () => AwaitSleeper(waitStrategy));
        var processor = new BatchEventProcessor<TestSlot, AllocationCountingHandler>(ring, ring.NewBarrier(), consumer);
        ring.AddGatingSequences(processor.Sequence);
        processor.Start();
        Publish(ring, Warmup);
        // And the consumer has blocked on an empty ring: each thread's first block (which creates the hybrid
        // strategy's per-thread waiter) is part of the warm-up, not of the measured events.
        Wait.ForSequence(processor.Sequence, Warmup - 1);
        AwaitSleeper(waitStrategy);

        var before = GC.GetAllocatedBytesForCurrentThread();
        Publish(ring, Measured);
        var producerBytes = GC.GetAllocatedBytesForCurrentThread() - before;

        Wait.ForSequence(processor.Sequence, Warmup + Measured - 1);
        processor.Halt();
        Assert.True(processor.WaitUntilHalted(Wait.Timeout));
        Assert.Equal(0, producerBytes);
        Assert.Equal(0, consumer.AllocatedBytes);
    }

    [Fact]
    public void Try_next_on_a_full_ring_allocates_nothing()
    {
        var ring = new RingBuffer<TestSlot>(() => new(), 4, ProducerType.Multi);
        ring.AddGatingSequences(new Sequence());
        Publish(ring, 4);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            Assert.False(ring.TryNext(out _));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void Publish(RingBuffer<TestSlot> ring, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var sequence = ring.Next();
            ring[sequence].Value = sequence;
            ring.Publish(sequence);
        }
    }

    // A blocking hybrid strategy creates a thread's waiter at that thread's first block; the others have nothing to wait for.
    private static void AwaitSleeper(IWaitStrategy waitStrategy)
    {
        if (waitStrategy is not HybridWaitStrategy hybrid)
        {
            return;
        }

        var spinner = default(SpinWait);
        var started = Stopwatch.GetTimestamp();
        while (hybrid.Sleepers == 0)
        {
            Assert.True(Stopwatch.GetElapsedTime(started) < Wait.Timeout, "Timed out waiting for a thread to block.");
            spinner.SpinOnce();
        }
    }

    /// <summary>Reads its own thread's allocation counter at two sequences; runs <c>hold</c> at one warm-up sequence.</summary>
    private sealed class AllocationCountingHandler(long measureFrom, long measureTo, long holdAt, Action hold) : IEventHandler<TestSlot>
    {
        private long _start;

        public long AllocatedBytes { get; private set; } = -1;

        public void OnEvent(TestSlot data, long sequence, bool endOfBatch)
        {
            if (sequence == holdAt)
            {
                hold();
            }

            if (sequence == measureFrom)
            {
                _start = GC.GetAllocatedBytesForCurrentThread();
            }
            else if (sequence == measureTo)
            {
                AllocatedBytes = GC.GetAllocatedBytesForCurrentThread() - _start;
            }
        }
    }
}
