using TradeFlow.Ring.Processing;
using TradeFlow.Ring.Tests.Support;
using TradeFlow.Ring.WaitStrategies;

namespace TradeFlow.Ring.Tests;

public sealed class ExceptionHandlingTests
{
    private static (RingBuffer<TestSlot> Ring, BatchEventProcessor<TestSlot, RecordingHandler> Processor) Pipeline(
        RecordingHandler handler, IExceptionHandler<TestSlot>? policy)
    {
        var ring = new RingBuffer<TestSlot>(() => new(), 16, ProducerType.Single, new HybridWaitStrategy());
        var processor = new BatchEventProcessor<TestSlot, RecordingHandler>(ring, ring.NewBarrier(), handler, policy);
        ring.AddGatingSequences(processor.Sequence);
        return (ring, processor);
    }

    private static void PublishTen(RingBuffer<TestSlot> ring)
    {
        for (var i = 0; i < 10; i++)
        {
            var s = ring.Next();
            ring[s].Value = s;
            ring.Publish(s);
        }
    }

    private static RecordingHandler FailingAt(long failAt, long signalAt = 9)
        => new(signalAt) { OnEach = (_, s) => { if (s == failAt) { throw new InvalidOperationException($"boom at {s}"); } } };

    [Fact]
    public void By_default_a_failing_handler_halts_its_processor_and_the_fault_names_the_sequence()
    {
        var handler = FailingAt(5);
        var (ring, processor) = Pipeline(handler, policy: null);
        processor.Start();

        PublishTen(ring);

        Assert.True(processor.WaitUntilHalted(Wait.Timeout));
        var fault = Assert.IsType<EventProcessingException>(processor.Fault);
        Assert.Equal(5, fault.Sequence);
        Assert.IsType<InvalidOperationException>(fault.InnerException);
        Assert.Equal(4, processor.Sequence.Value);
        Assert.DoesNotContain(6L, handler.Sequences);
        Assert.Equal(1, handler.Shutdowns);
    }

    [Fact]
    public void The_halt_policy_tells_its_callback_before_halting()
    {
        var heard = new List<long>();
        var handler = FailingAt(3);
        var (ring, processor) = Pipeline(handler, new HaltOnExceptionHandler<TestSlot>((_, s) => heard.Add(s)));
        processor.Start();

        PublishTen(ring);

        Assert.True(processor.WaitUntilHalted(Wait.Timeout));
        Assert.Equal([3L], heard);
        Assert.False(processor.IsRunning);
    }

    [Fact]
    public void The_log_and_continue_policy_reports_the_failure_and_processes_the_rest()
    {
        var logged = new List<(long Sequence, long Value)>();
        var handler = FailingAt(5);
        var (ring, processor) = Pipeline(handler, new LogAndContinueExceptionHandler<TestSlot>((_, s, slot) => logged.Add((s, slot!.Value))));
        processor.Start();

        PublishTen(ring);
        Wait.ForSequence(processor.Sequence, 9);
        processor.Halt();

        Assert.True(processor.WaitUntilHalted(Wait.Timeout));
        Assert.Null(processor.Fault);
        Assert.Equal([(5L, 5L)], logged);
        Assert.Equal([0L, 1, 2, 3, 4, 6, 7, 8, 9], handler.Sequences);
    }

    [Fact]
    public void A_logging_callback_that_throws_halts_the_processor_rather_than_vanish()
    {
        var handler = FailingAt(2);
        var (ring, processor) = Pipeline(handler, new LogAndContinueExceptionHandler<TestSlot>((ex, _, _) => throw new InvalidOperationException("logger down", ex)));
        processor.Start();

        PublishTen(ring);

        Assert.True(processor.WaitUntilHalted(Wait.Timeout));
        Assert.Equal("logger down", processor.Fault!.Message);
        Assert.Equal(1, processor.Sequence.Value);
    }

    [Fact]
    public void A_failing_on_start_under_the_halt_policy_halts_before_any_event()
    {
        var handler = new ThrowingOnStart();
        var ring = new RingBuffer<TestSlot>(() => new(), 16, ProducerType.Single);
        var processor = new BatchEventProcessor<TestSlot, ThrowingOnStart>(ring, ring.NewBarrier(), handler);
        ring.AddGatingSequences(processor.Sequence);
        PublishTen(ring);

        processor.Start();

        Assert.True(processor.WaitUntilHalted(Wait.Timeout));
        Assert.IsType<EventProcessingException>(processor.Fault);
        Assert.Equal(-1, processor.Sequence.Value);
        Assert.Equal(0, handler.Events);
    }

    [Fact]
    public void A_failing_on_shutdown_under_log_and_continue_is_reported()
    {
        var logged = new List<long>();
        var ring = new RingBuffer<TestSlot>(() => new(), 16, ProducerType.Single);
        var processor = new BatchEventProcessor<TestSlot, ThrowingOnShutdown>(
            ring, ring.NewBarrier(), new ThrowingOnShutdown(), new LogAndContinueExceptionHandler<TestSlot>((_, s, _) => logged.Add(s)));
        processor.Start();

        processor.Halt();

        Assert.True(processor.WaitUntilHalted(Wait.Timeout));
        Assert.Equal([-1L], logged);
        Assert.Null(processor.Fault);
    }

    private sealed class ThrowingOnStart : IEventHandler<TestSlot>
    {
        public int Events { get; private set; }

        public void OnEvent(TestSlot data, long sequence, bool endOfBatch) => Events++;

        public void OnStart() => throw new InvalidOperationException("cannot start");
    }

    private sealed class ThrowingOnShutdown : IEventHandler<TestSlot>
    {
        public void OnEvent(TestSlot data, long sequence, bool endOfBatch)
        {
        }

        public void OnShutdown() => throw new InvalidOperationException("cannot stop");
    }
}
