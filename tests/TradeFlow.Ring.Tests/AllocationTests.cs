using TradeFlow.Ring.Processing;
using TradeFlow.Ring.Tests.Support;

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
        var ring = new RingBuffer<TestSlot>(() => new(), 64, type, Strategies.Create(strategy));
        var consumer = new AllocationCountingHandler(measureFrom: Warmup, measureTo: Warmup + Measured - 1);
        var processor = new BatchEventProcessor<TestSlot, AllocationCountingHandler>(ring, ring.NewBarrier(), consumer);
        ring.AddGatingSequences(processor.Sequence);
        processor.Start();
        Publish(ring, Warmup);

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

    /// <summary>Reads its own thread's allocation counter at two sequences.</summary>
    private sealed class AllocationCountingHandler(long measureFrom, long measureTo) : IEventHandler<TestSlot>
    {
        private long _start;

        public long AllocatedBytes { get; private set; } = -1;

        public void OnEvent(TestSlot data, long sequence, bool endOfBatch)
        {
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
