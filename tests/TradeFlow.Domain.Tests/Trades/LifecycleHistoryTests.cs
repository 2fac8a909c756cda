using System.Text;
using TradeFlow.Domain.Serialization;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Testing.Builders;
using TradeFlow.Testing.Snapshots;

namespace TradeFlow.Domain.Tests.Trades;

public class LifecycleHistoryTests
{
    [Fact]
    public void A_block_fx_forward_through_allocation_fail_resettlement_and_maturity_reads_as_its_event_history()
    {
        var d = new LifecycleDriver();
        var block = d.Book(new BookTradeBuilder().ForFxForward().WithSourceKey("FIX:BANK-FX:571=BLK-1").Build());
        d.Send(new AllocateTrade(block, "FIX:BANK-FX:70=ALLOC-1", d.Tick(),
        [
            new AllocationLeg(DemoIds.FxLdn, DemoIds.Barclays, Quantity.Of(6_000_000m)),
            new AllocationLeg(DemoIds.FxLdn, DemoIds.DeutscheBank, Quantity.Of(4_000_000m)),
        ]));
        var child = TradeId.FromInt64(2);
        d.Send(new AmendTrade(block, "HTTP:amend-1", d.Tick(), new BookTradeBuilder().ForFxForward().Terms));
        d.Send(new InstructSettlement(child, "OPS:instr-1", d.Tick()));
        d.Send(new ConfirmTrade(child, "SWIFT:MT300:CONF-77", d.Tick(), "CONF-77"));
        d.Send(new PartiallyTerminateTrade(child, "HTTP:term-1", d.Tick(), Quantity.Of(1_000_000m)));
        d.Send(new InstructSettlement(child, "OPS:instr-2", d.Tick()));
        d.Send(new MatchSettlement(child, "CLS:match-1", d.Tick(), "CLS-0001"));
        d.Send(new FailSettlement(child, "CLS:fail-1", d.Tick(), "Counterparty short of GBP"));
        d.Send(new InstructSettlement(child, "OPS:instr-3", d.Tick()));
        d.Send(new MatchSettlement(child, "CLS:match-2", d.Tick(), "CLS-0002"));
        d.Send(new SettleTrade(child, "CLS:settle-1", d.Tick(), new BusinessDate(2025, 6, 19)));
        d.Send(new MatureTrade(child, "EOD:mature-1", d.Tick()));

        var history = new StringBuilder();
        foreach (var evt in d.AllEvents)
        {
            history.Append($"trade-{evt.TradeId} {DomainEventRegistry.QualifiedNameOf(evt)} ")
                .AppendLine(Encoding.UTF8.GetString(DomainEventSerializer.Instance.SerializeToUtf8Bytes(evt)));
        }

        history.AppendLine().AppendLine($"final: {d[block]} | {d[child]} | {d[TradeId.FromInt64(3)]}");
        Snapshot.Verify(history.ToString());
    }
}
