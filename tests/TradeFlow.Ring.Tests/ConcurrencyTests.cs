using TradeFlow.Ring.Processing;
using TradeFlow.Ring.Tests.Support;

namespace TradeFlow.Ring.Tests;

public sealed class ConcurrencyTests
{
    [Theory]
    [InlineData(1, "Hybrid")]
    [InlineData(2, "Hybrid")]
    [InlineData(4, "Hybrid")]
    [InlineData(4, "Blocking")]
    [InlineData(2, "Yielding")]
    [InlineData(2, "Sleeping")]
    [InlineData(4, "HybridNoSpin")]
    public void Producers_into_a_diamond_lose_nothing_and_keep_each_producers_order(int producers, string strategy)
    {
        const int Total = 100_000;
        var perProducer = Total / producers;
        var type = producers == 1 ? ProducerType.Single : ProducerType.Multi;
        var ring = new RingBuffer<TestSlot>(() => new(), 64, type, Strategies.Create(strategy));
        var risk = new OrderCheckingHandler(producers) { Write = s => s.RiskResult = s.Value * 2 };
        var compliance = new OrderCheckingHandler(producers) { Write = s => s.ComplianceResult = s.Value + 1 };
        var decide = new OrderCheckingHandler(producers)
        {
            Check = s => s.RiskResult == s.Value * 2 && s.ComplianceResult == s.Value + 1,
        };
        var riskProcessor = new BatchEventProcessor<TestSlot, OrderCheckingHandler>(ring, ring.NewBarrier(), risk);
        var complianceProcessor = new BatchEventProcessor<TestSlot, OrderCheckingHandler>(ring, ring.NewBarrier(), compliance);
        var decideProcessor = new BatchEventProcessor<TestSlot, OrderCheckingHandler>(
            ring, ring.NewBarrier(riskProcessor.Sequence, complianceProcessor.Sequence), decide);
        ring.AddGatingSequences(decideProcessor.Sequence);
        IEventProcessor[] processors = [riskProcessor, complianceProcessor, decideProcessor];
        foreach (var processor in processors)
        {
            processor.Start();
        }

        Producers.Run(ring, producers, perProducer);
        Wait.ForSequence(decideProcessor.Sequence, (perProducer * producers) - 1);
        foreach (var processor in processors)
        {
            processor.Halt();
            Assert.True(processor.WaitUntilHalted(Wait.Timeout));
            Assert.Null(processor.Fault);
        }

        foreach (var stage in new[] { risk, compliance, decide })
        {
            Assert.Empty(stage.Failures);
            Assert.Equal(perProducer * producers, stage.Count);
        }
    }

    [Theory]
    [InlineData("Blocking")]
    [InlineData("Sleeping")]
    [InlineData("Yielding")]
    [InlineData("BusySpin")]
    [InlineData("Hybrid")]
    public void An_eight_slot_ring_wraps_over_many_laps_without_loss_under_every_wait_strategy(string strategy)
    {
        const int Events = 100_000;
        var ring = new RingBuffer<TestSlot>(() => new(), 8, ProducerType.Single, Strategies.Create(strategy));
        var handler = new OrderCheckingHandler(1);
        var processor = new BatchEventProcessor<TestSlot, OrderCheckingHandler>(ring, ring.NewBarrier(), handler);
        ring.AddGatingSequences(processor.Sequence);
        processor.Start();

        Producers.Run(ring, 1, Events);
        Wait.ForSequence(processor.Sequence, Events - 1);
        processor.Halt();

        Assert.True(processor.WaitUntilHalted(Wait.Timeout));
        Assert.Empty(handler.Failures);
        Assert.Equal(Events, handler.Count);
        Assert.Equal(Events - 1, ring.Cursor); // 12,500 laps of the 8 slots
    }
}
