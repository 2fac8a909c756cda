using TradeFlow.Ring.Dsl;
using TradeFlow.Ring.Processing;
using TradeFlow.Ring.Tests.Support;

namespace TradeFlow.Ring.Tests;

public sealed class DisruptorTests
{
    private const int Producers3 = 3;

    [Fact]
    public void The_engine_graph_runs_each_stage_after_the_stages_it_depends_on_and_drains_on_shutdown()
    {
        const int PerProducer = 20_000;
        var disruptor = new Disruptor<TestSlot>(() => new(), 256);
        var risk = new OrderCheckingHandler(Producers3) { Write = s => s.RiskResult = s.Value * 2 };
        var compliance = new OrderCheckingHandler(Producers3) { Write = s => s.ComplianceResult = s.Value + 1 };
        var decide = new OrderCheckingHandler(Producers3)
        {
            Check = s => s.RiskResult == s.Value * 2 && s.ComplianceResult == s.Value + 1,
            Write = s => s.Decision = s.RiskResult + s.ComplianceResult,
        };
        var journal = new OrderCheckingHandler(Producers3)
        {
            Check = s => s.Decision == (3 * s.Value) + 1,
            Write = s => s.Journaled = s.Decision,
        };
        var publish = new OrderCheckingHandler(Producers3) { Check = s => s.Journaled == (3 * s.Value) + 1 };
        disruptor.HandleEventsWith(risk, compliance).Then(decide).Then(journal).Then(publish);
        var ring = disruptor.Start();

        Producers.Run(ring, Producers3, PerProducer);
        disruptor.Shutdown(Wait.Timeout);

        foreach (var stage in new[] { risk, compliance, decide, journal, publish })
        {
            Assert.Empty(stage.Failures);
            Assert.Equal(Producers3 * PerProducer, stage.Count);
        }

        Assert.False(disruptor.HasBacklog());
        Assert.False(disruptor.GetProcessorFor(publish).IsRunning);
        Assert.Equal(ring.Cursor, disruptor.GetSequenceFor(publish).Value);
    }

    [Fact]
    public void Shutdown_waits_for_a_slow_stage_to_finish_the_backlog()
    {
        using var gate = new ManualResetEventSlim();
        var slow = new RecordingHandler { OnEach = (_, _) => gate.Wait(Wait.Timeout) };
        var disruptor = new Disruptor<TestSlot>(() => new(), 16);
        disruptor.HandleEventsWith(slow);
        var ring = disruptor.Start();
        for (var i = 0; i < 10; i++)
        {
            ring.Publish(ring.Next());
        }

        var shutdown = new Thread(() => disruptor.Shutdown(Wait.Timeout)) { IsBackground = true };
        shutdown.Start();
        Assert.False(shutdown.Join(TimeSpan.FromMilliseconds(50)), "Shutdown must wait while events are unprocessed.");
        gate.Set();

        Assert.True(shutdown.Join(Wait.Timeout));
        Assert.Equal(10, slow.Sequences.Count);
        Assert.Equal(1, slow.Shutdowns);
    }

    [Fact]
    public void Shutdown_surfaces_a_stage_failure_instead_of_waiting_for_a_backlog_that_cannot_drain()
    {
        var failing = new RecordingHandler { OnEach = (_, s) => { if (s == 2) { throw new InvalidOperationException("bad slot"); } } };
        var after = new RecordingHandler();
        var disruptor = new Disruptor<TestSlot>(() => new(), 16);
        disruptor.HandleEventsWith(failing).Then(after);
        var ring = disruptor.Start();
        for (var i = 0; i < 10; i++)
        {
            ring.Publish(ring.Next());
        }

        var error = Assert.Throws<AggregateException>(() => disruptor.Shutdown(Wait.Timeout));

        var fault = Assert.IsType<EventProcessingException>(Assert.Single(error.InnerExceptions));
        Assert.Equal(2, fault.Sequence);
        Assert.Equal([0L, 1], after.Sequences);
    }

    [Fact]
    public void A_per_stage_policy_overrides_the_default()
    {
        var logged = new List<long>();
        var failing = new RecordingHandler { OnEach = (_, s) => { if (s == 2) { throw new InvalidOperationException("bad slot"); } } };
        var disruptor = new Disruptor<TestSlot>(() => new(), 16);
        disruptor.HandleEventsWith(failing);
        disruptor.SetExceptionHandler(failing, new LogAndContinueExceptionHandler<TestSlot>((_, s, _) => logged.Add(s)));
        var ring = disruptor.Start();
        for (var i = 0; i < 10; i++)
        {
            ring.Publish(ring.Next());
        }

        disruptor.Shutdown(Wait.Timeout);

        Assert.Equal([2L], logged);
        Assert.Equal(9, failing.Sequences.Count);
    }

    [Fact]
    public void Producers_gate_only_on_the_last_stages_of_the_chain()
    {
        var a = new RecordingHandler();
        var b = new RecordingHandler();
        var c = new RecordingHandler();
        var disruptor = new Disruptor<TestSlot>(() => new(), 16);

        disruptor.HandleEventsWith(a, b);
        disruptor.After(a, b).Then(c);

        Assert.False(disruptor.RingBuffer.RemoveGatingSequence(disruptor.GetSequenceFor(a)));
        Assert.False(disruptor.RingBuffer.RemoveGatingSequence(disruptor.GetSequenceFor(b)));
        Assert.True(disruptor.RingBuffer.RemoveGatingSequence(disruptor.GetSequenceFor(c)));
    }

    [Fact]
    public void The_graph_cannot_change_after_start_and_start_happens_once()
    {
        var disruptor = new Disruptor<TestSlot>(() => new(), 16);
        var a = new RecordingHandler();
        disruptor.HandleEventsWith(a);
        disruptor.Start();

        Assert.Throws<InvalidOperationException>(() => disruptor.Start());
        Assert.Throws<InvalidOperationException>(() => disruptor.HandleEventsWith(new RecordingHandler()));
        Assert.Throws<ArgumentException>(() => disruptor.GetProcessorFor(new RecordingHandler()));

        disruptor.Halt();
        Assert.True(disruptor.GetProcessorFor(a).WaitUntilHalted(Wait.Timeout));
    }
}
