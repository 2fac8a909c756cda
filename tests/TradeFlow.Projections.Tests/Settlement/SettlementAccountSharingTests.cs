using TradeFlow.Domain.Events;
using TradeFlow.Domain.Trades;
using TradeFlow.Projections.Runtime;
using TradeFlow.Projections.Settlement;
using TradeFlow.Projections.Tests.Support;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Projections.Tests.Settlement;

public class SettlementAccountSharingTests
{
    [Fact]
    public void Trades_instructed_to_equal_accounts_keep_one_shared_copy_of_them()
    {
        var d = new LifecycleDriver();
        var first = new TradeBuilder().InStatus(TradeStatus.SettlementInstructed).Build(d).Id;
        var second = new TradeBuilder().InStatus(TradeStatus.SettlementInstructed).Build(d).Id;
        var instructions = d.AllEvents.OfType<SettlementInstructed>().ToList();
        Assert.Equal(2, instructions.Count);
        Assert.False(instructions[0].Accounts == instructions[1].Accounts, "each event should carry its own array");

        var settlement = new SettlementProjection(d.ReferenceData);
        ProjectionSet.Fold(settlement, EventFeed.From(d.AllEvents));

        var kept = settlement.FindTrade(first)!.InstructedAccounts;
        Assert.Equal(instructions[0].Accounts, kept);
        Assert.True(kept == settlement.FindTrade(second)!.InstructedAccounts, "equal accounts should be one shared array");
    }

    [Fact]
    public void Sharing_the_instructed_accounts_leaves_the_state_bytes_unchanged()
    {
        var d = new LifecycleDriver();
        new TradeBuilder().InStatus(TradeStatus.SettlementInstructed).Build(d);
        new TradeBuilder().WithBooking(b => b.ForBond()).InStatus(TradeStatus.Settled).Build(d);
        new TradeBuilder().InStatus(TradeStatus.SettlementInstructed).Build(d);
        var settlement = new SettlementProjection(d.ReferenceData);
        ProjectionSet.Fold(settlement, EventFeed.From(d.AllEvents));

        var restored = new SettlementProjection(d.ReferenceData);
        restored.RestoreState(settlement.SerializeState());

        Assert.Equal(settlement.SerializeState(), restored.SerializeState());
        Assert.Equal(StateHash.Of(settlement), StateHash.Of(restored));
    }
}
