using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Domain.Tests.Trades;

public class LifecycleTableTests
{
    public static TheoryData<string, string, string> Cells()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (state, command, outcome) in LifecycleTable.Cells)
        {
            data.Add(state, command, outcome);
        }

        return data;
    }

    [Fact]
    public void The_documented_table_covers_every_state_and_every_command()
    {
        var states = LifecycleTable.Cells.Select(c => c.State).Distinct().ToList();
        var commands = LifecycleTable.Cells.Select(c => c.Command).Distinct().ToList();

        // A credit limit change is the one command kind addressed to no trade: it has no place in the lifecycle table.
        Assert.Equal(Enum.GetNames<TradeCommandKind>().Where(k => k != nameof(TradeCommandKind.ChangeCreditLimit)).Order(), commands.Order());
        Assert.Equal(11, states.Count); // (none), Booked ×2 (unconfirmed/confirmed), and the 8 other statuses
        Assert.All(Enum.GetNames<TradeStatus>(), s => Assert.Contains(s, states));
        Assert.Equal(states.Count * commands.Count, LifecycleTable.Cells.Count);
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void Each_state_and_command_has_the_documented_outcome(string state, string command, string outcome)
    {
        var driver = new LifecycleDriver();
        var trade = state == "(none)" ? null : BuildTrade(driver, state);
        var kind = Enum.Parse<TradeCommandKind>(command);
        var target = trade?.Id ?? driver.NextTradeId;
        var context = new DecisionContext(driver.ReferenceData,
            kind == TradeCommandKind.Book && trade is not null ? trade.Id : driver.NextTradeId);

        var decision = TradeDecider.Decide(trade, CommandFor(kind, target, trade), context);

        if (outcome.StartsWith('✗'))
        {
            Assert.False(decision.IsAccepted, $"{state} × {command} should be refused but was {decision}");
            Assert.Equal(Enum.Parse<RejectionCode>(outcome.TrimStart('✗', ' ')), decision.Reasons[0].Code);
            Assert.Contains($"trade {target}", decision.Reasons[0].Message, StringComparison.Ordinal);
            Assert.Equal(kind, decision.Rejection!.CommandKind);
        }
        else
        {
            Assert.True(decision.IsAccepted, $"{state} × {command} should give {outcome} but was {decision}");
            Assert.Equal(outcome, decision.Events[0].GetType().Name);
        }
    }

    private static Trade BuildTrade(LifecycleDriver driver, string state)
    {
        var confirmed = state == "Booked, confirmed";
        var status = Enum.Parse<TradeStatus>(confirmed ? "Booked" : state);
        return new TradeBuilder().WithBooking(b => b.ForFxForward()).InStatus(status).Confirmed(confirmed).Build(driver);
    }

    internal static TradeCommand CommandFor(TradeCommandKind kind, TradeId id, Trade? trade)
    {
        var at = new DateTimeOffset(2025, 3, 17, 10, 0, 0, TimeSpan.Zero);
        var key = $"CELL-{kind}";
        var quantity = trade?.Economics.Quantity ?? Quantity.Of(10_000_000m);
        return kind switch
        {
            TradeCommandKind.Book => new BookTradeBuilder().ForFxForward().WithSourceKey(key).Build(),
            TradeCommandKind.Amend => new AmendTrade(id, key, at,
                new BookTradeBuilder().ForFxForward().With(t => t with { Price = Price.Of(0.8425m) }).Terms),
            TradeCommandKind.Cancel => new CancelTrade(id, key, at, "Booked in error"),
            TradeCommandKind.Allocate => new AllocateTrade(id, key, at,
            [
                new AllocationLeg(DemoIds.FxLdn, DemoIds.GoldmanSachs, Quantity.Of(quantity.Value / 2)),
                new AllocationLeg(DemoIds.FxLdn, DemoIds.DeutscheBank, Quantity.Of(quantity.Value / 2)),
            ]),
            TradeCommandKind.Confirm => new ConfirmTrade(id, key, at, "MT300-42"),
            TradeCommandKind.Novate => new NovateTrade(id, key, at, DemoIds.DeutscheBank),
            TradeCommandKind.PartiallyTerminate => new PartiallyTerminateTrade(id, key, at, Quantity.Of(quantity.Value / 4)),
            TradeCommandKind.InstructSettlement => new InstructSettlement(id, key, at),
            TradeCommandKind.MatchSettlement => new MatchSettlement(id, key, at, "MATCH-7"),
            TradeCommandKind.Settle => new SettleTrade(id, key, at, new BusinessDate(2025, 6, 18)),
            TradeCommandKind.FailSettlement => new FailSettlement(id, key, at, "Counterparty short of GBP"),
            TradeCommandKind.Mature => new MatureTrade(id, key, at),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }
}
