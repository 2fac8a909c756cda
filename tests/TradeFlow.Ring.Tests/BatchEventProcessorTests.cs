using TradeFlow.Ring.Processing;
using TradeFlow.Ring.Tests.Support;
using TradeFlow.Ring.WaitStrategies;

namespace TradeFlow.Ring.Tests;

public sealed class BatchEventProcessorTests
{
    private static (RingBuffer<TestSlot> Ring, BatchEventProcessor<TestSlot, RecordingHandler> Processor) Pipeline(RecordingHandler handler, int size = 16)
    {
        var ring = new RingBuffer<TestSlot>(() => new(), size, ProducerType.Single, new HybridWaitStrategy());
        var processor = new BatchEventProcessor<TestSlot, RecordingHandler>(ring, ring.NewBarrier(), handler);
        ring.AddGatingSequences(processor.Sequence);
        return (ring, processor);
    }

    private static void Publish(RingBuffer<TestSlot> ring, int count)
    {
        var hi = ring.Next(count);
        for (var s = hi - count + 1; s <= hi; s++)
        {
            ring[s].Value = s * 10;
        }

        ring.Publish(hi - count + 1, hi);
    }

    [Fact]
    public void Events_published_together_form_one_batch_flagged_at_its_last_event()
    {
        var handler = new RecordingHandler(signalAt: 9);
        var (ring, processor) = Pipeline(handler);
        Publish(ring, 10);

        processor.Start();
        Wait.For(handler.Reached, "the first batch");
        Publish(ring, 3);
        Wait.ForSequence(processor.Sequence, 12);
        processor.Halt();
        Assert.True(processor.WaitUntilHalted(Wait.Timeout));

        Assert.Equal(Enumerable.Range(0, 13).Select(i => (long)i), handler.Sequences);
        Assert.Equal(Enumerable.Range(0, 13).Select(i => i * 10L), handler.Values);
        Assert.Equal([9L, 12L], handler.BatchEnds);
        Assert.Equal([10L, 3L], handler.BatchSizes);
        Assert.Equal(1, handler.Starts);
        Assert.Equal(1, handler.Shutdowns);
    }

    [Fact]
    public void Halting_a_waiting_processor_stops_it_and_a_restart_resumes_without_loss()
    {
        var handler = new RecordingHandler(signalAt: 4);
        var (ring, processor) = Pipeline(handler);
        Publish(ring, 5);
        processor.Start();
        Wait.For(handler.Reached, "the first five events");
        Wait.ForSequence(processor.Sequence, 4);

        processor.Halt();
        Assert.True(processor.WaitUntilHalted(Wait.Timeout));
        Publish(ring, 5);

        Assert.False(processor.IsRunning);
        Assert.Equal(4, processor.Sequence.Value);
        Assert.Equal(5, handler.Sequences.Count);

        processor.Start();
        Wait.ForSequence(processor.Sequence, 9);
        processor.Halt();
        Assert.True(processor.WaitUntilHalted(Wait.Timeout));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), handler.Sequences);
        Assert.Null(processor.Fault);
    }

    [Fact]
    public void Halting_mid_stream_leaves_the_unprocessed_events_in_the_ring()
    {
        BatchEventProcessor<TestSlot, RecordingHandler>? processor = null;
        var handler = new RecordingHandler { OnEach = (_, s) => { if (s == 20) { processor!.Halt(); } } };
        var (ring, p) = Pipeline(handler, size: 64);
        processor = p;
        processor.Start();

        for (var i = 0; i < 64; i++)
        {
            Publish(ring, 1);
            if (i == 20)
            {
                Assert.True(processor.WaitUntilHalted(Wait.Timeout));
            }
        }

        Assert.Equal(20, processor.Sequence.Value);
        Assert.Equal(Enumerable.Range(0, 21).Select(i => (long)i), handler.Sequences);
        Assert.Equal(63, ring.Cursor);
        Assert.Equal(21, ring.RemainingCapacity);
    }

    [Fact]
    public void A_running_processor_cannot_be_started_twice()
    {
        var (_, processor) = Pipeline(new RecordingHandler());
        processor.Start();

        Assert.Throws<InvalidOperationException>(() => processor.Start());
        Assert.Throws<InvalidOperationException>(() => processor.SetExceptionHandler(new HaltOnExceptionHandler<TestSlot>()));

        processor.Halt();
        Assert.True(processor.WaitUntilHalted(Wait.Timeout));
    }

    [Fact]
    public void A_value_ring_processor_sees_every_slot_in_order_by_reference()
    {
        const int Events = 10_000;
        var ring = new ValueRingBuffer<ValueSlot>(8, ProducerType.Single, new YieldingWaitStrategy());
        var handler = new ValueHandler();
        var processor = new ValueBatchEventProcessor<ValueSlot, ValueHandler>(ring, ring.NewBarrier(), handler);
        ring.AddGatingSequences(processor.Sequence);
        processor.Start();

        for (long i = 0; i < Events; i++)
        {
            var s = ring.Next();
            ring[s].Value = i;
            ring.Publish(s);
        }

        Wait.ForSequence(processor.Sequence, Events - 1);
        processor.Halt();
        Assert.True(processor.WaitUntilHalted(Wait.Timeout));
        Assert.Equal(Events, handler.Box.Count);
        Assert.Equal(0, handler.Box.OutOfOrder);
        Assert.Equal(-1, ring[Events - 1].Value);
    }

    public struct ValueSlot
    {
        public long Value { get; set; }
    }

    public sealed class Counters
    {
        public long Count { get; set; }

        public long OutOfOrder { get; set; }
    }

    /// <summary>A struct handler: the processor is specialised for it and calls it directly.</summary>
    public readonly struct ValueHandler() : IValueEventHandler<ValueSlot>
    {
        public Counters Box { get; } = new();

        public void OnEvent(ref ValueSlot data, long sequence, bool endOfBatch)
        {
            if (data.Value != sequence)
            {
                Box.OutOfOrder++;
            }

            Box.Count++;
            data.Value = -1;
        }
    }
}
