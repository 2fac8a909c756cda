using TradeFlow.Domain.Events;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Domain.Tests.Trades;

// Evaluate is Decide without the Decision object: the same events, reasons and ids used, held inline for one event.
public class DecisionResultTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 17, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_booking_evaluates_to_one_event_and_the_decision_decide_gives()
    {
        var data = new ReferenceDataBuilder().Build();
        var command = new BookTradeBuilder().Build();
        var context = new DecisionContext(data, TradeId.First);

        var result = TradeDecider.Evaluate(null, command, context);
        var decision = TradeDecider.Decide(null, command, context);

        Assert.True(result.IsAccepted);
        Assert.Equal(1, result.Count);
        Assert.Equal(1, result.TradeIdsUsed);
        Assert.Empty(result.Reasons);
        Assert.Equal(decision.Events.Single(), result[0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => result[1]);
        var again = result.ToDecision();
        Assert.Equal((decision.IsAccepted, decision.TradeIdsUsed), (again.IsAccepted, again.TradeIdsUsed));
        Assert.Same(result[0], again.Events.Single());
    }

    [Fact]
    public void A_refusal_evaluates_to_its_rejection_with_its_reasons_and_a_refused_booking_still_uses_its_id()
    {
        var data = new ReferenceDataBuilder().Build();
        var command = new BookTradeBuilder().WithQuantity(0m).Build();

        var result = TradeDecider.Evaluate(null, command, new DecisionContext(data, TradeId.First));

        Assert.False(result.IsAccepted);
        var rejected = Assert.IsType<TradeRejected>(result[0]);
        Assert.Equal(1, result.Count);
        Assert.Equal(rejected.Reasons, result.Reasons);
        Assert.Equal(RejectionCode.InvalidQuantity, Assert.Single(result.Reasons).Code);
        Assert.Equal(1, result.TradeIdsUsed);
        Assert.Same(rejected, result.ToDecision().Rejection);
    }

    [Fact]
    public void An_allocation_evaluates_to_the_block_event_then_each_child_booking_in_order()
    {
        var driver = new LifecycleDriver();
        var block = (TradeBooked)driver.Send(new BookTradeBuilder().WithQuantity(1_000m).Build()).Events[0];
        var allocate = new AllocateTrade(block.TradeId, "A1", At,
            [new AllocationLeg(DemoIds.EquitiesNy, DemoIds.GoldmanSachs, Quantity.Of(600m)),
             new AllocationLeg(DemoIds.EquitiesNy, DemoIds.DeutscheBank, Quantity.Of(400m))]);
        var context = new DecisionContext(driver.ReferenceData, driver.NextTradeId, driver.Policy);

        var result = TradeDecider.Evaluate(driver[block.TradeId], allocate, context);
        var decision = TradeDecider.Decide(driver[block.TradeId], allocate, context);

        Assert.True(result.IsAccepted);
        Assert.Equal(2, result.TradeIdsUsed);
        // Fresh objects each call (TradeAllocated's children array compares by reference): compare what is journaled.
        Assert.Equal(decision.Events.Select(Domain.Serialization.DomainEventSerializer.Instance.SerializeToUtf8Bytes),
            Enumerable.Range(0, result.Count).Select(i => Domain.Serialization.DomainEventSerializer.Instance.SerializeToUtf8Bytes(result[i])));
        Assert.IsType<TradeAllocated>(result[0]);
    }

    [Fact]
    public void A_trade_as_booked_is_the_state_its_direct_booking_folds_to()
    {
        var data = new ReferenceDataBuilder().Build();
        var booked = (TradeBooked)TradeDecider.Evaluate(null, new BookTradeBuilder().Build(), new DecisionContext(data, TradeId.First))[0];

        var state = Trade.AsBooked(booked.TradeId, booked.Economics, booked.AssetClass);

        Assert.Equal(Trade.Evolve(null, booked), state);
        Assert.Equal(1, state.Version);
        Assert.Equal(TradeStatus.Booked, state.Status);
        Assert.Same(booked.Economics, state.Economics);
    }
}
