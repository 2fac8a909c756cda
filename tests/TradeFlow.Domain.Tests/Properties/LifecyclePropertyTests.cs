using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Domain.Tests.Properties;

public class LifecyclePropertyTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 17, 10, 0, 0, TimeSpan.Zero);

    // The state machine's edges: (status before, accepted command) → status after. Anything else is a bug.
    private static readonly HashSet<(TradeStatus, TradeCommandKind, TradeStatus)> Edges =
    [
        (TradeStatus.Booked, TradeCommandKind.Amend, TradeStatus.Booked),
        (TradeStatus.Booked, TradeCommandKind.Confirm, TradeStatus.Booked),
        (TradeStatus.Booked, TradeCommandKind.PartiallyTerminate, TradeStatus.Booked),
        (TradeStatus.Booked, TradeCommandKind.Cancel, TradeStatus.Cancelled),
        (TradeStatus.Booked, TradeCommandKind.Allocate, TradeStatus.Allocated),
        (TradeStatus.Booked, TradeCommandKind.Novate, TradeStatus.Novated),
        (TradeStatus.Booked, TradeCommandKind.InstructSettlement, TradeStatus.SettlementInstructed),
        (TradeStatus.SettlementInstructed, TradeCommandKind.Confirm, TradeStatus.SettlementInstructed),
        (TradeStatus.SettlementInstructed, TradeCommandKind.Cancel, TradeStatus.Cancelled),
        (TradeStatus.SettlementInstructed, TradeCommandKind.MatchSettlement, TradeStatus.SettlementMatched),
        (TradeStatus.SettlementInstructed, TradeCommandKind.FailSettlement, TradeStatus.SettlementFailed),
        (TradeStatus.SettlementMatched, TradeCommandKind.Confirm, TradeStatus.SettlementMatched),
        (TradeStatus.SettlementMatched, TradeCommandKind.Settle, TradeStatus.Settled),
        (TradeStatus.SettlementMatched, TradeCommandKind.FailSettlement, TradeStatus.SettlementFailed),
        (TradeStatus.SettlementFailed, TradeCommandKind.Confirm, TradeStatus.SettlementFailed),
        (TradeStatus.SettlementFailed, TradeCommandKind.Cancel, TradeStatus.Cancelled),
        (TradeStatus.SettlementFailed, TradeCommandKind.InstructSettlement, TradeStatus.SettlementInstructed),
        (TradeStatus.SettlementFailed, TradeCommandKind.MatchSettlement, TradeStatus.SettlementMatched),
        (TradeStatus.SettlementFailed, TradeCommandKind.Settle, TradeStatus.Settled),
        (TradeStatus.Settled, TradeCommandKind.Mature, TradeStatus.Matured),
    ];

    private static readonly Func<BookTradeBuilder, BookTradeBuilder>[] Bookings =
        [b => b, b => b.ForFxSpot(), b => b.ForFxForward(), b => b.ForBond()];

    [Fact]
    public void Any_sequence_of_commands_moves_trades_only_along_the_state_machine()
    {
        var kinds = Enum.GetValues<TradeCommandKind>()
            .Where(k => k is not (TradeCommandKind.Book or TradeCommandKind.ChangeCreditLimit)).ToArray();
        var step = from kind in Gen.Elements(kinds) from target in Gen.Choose(0, 7) select (kind, target);
        var scenarios =
            from booking in Gen.Choose(0, Bookings.Length - 1)
            from steps in Gen.Choose(0, 30).SelectMany(n => Gen.ArrayOf(step, n))
            select (booking, steps);

        Prop.ForAll(scenarios.ToArbitrary(), s =>
        {
            var driver = new LifecycleDriver();
            new TradeBuilder().WithBooking(Bookings[s.booking]).Build(driver);
            foreach (var (kind, target) in s.steps)
            {
                var ids = Enumerable.Range(1, (int)driver.NextTradeId.Value - 1).Select(i => TradeId.FromInt64(i)).ToList();
                CheckStep(driver, driver[ids[target % ids.Count]], kind);
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    private static void CheckStep(LifecycleDriver driver, Trade before, TradeCommandKind kind)
    {
        var allowed = LifecycleRules.Check(before, kind, driver.Policy) is null
            && !(kind == TradeCommandKind.Mature && before.AssetClass is AssetClass.CashEquity or AssetClass.FxSpot);

        var decision = driver.Send(CommandFor(kind, before));
        var after = driver[before.Id];

        Assert.True(allowed == decision.IsAccepted, $"{before} × {kind}: expected accepted={allowed}, got {decision}");
        Assert.Equal(before.Version + 1, after.Version);
        if (decision.IsAccepted)
        {
            Assert.Contains((before.Status, kind, after.Status), Edges);
        }
        else
        {
            Assert.Equal(before with { }, after with { }, TradeComparer.IgnoringVersion);
        }

        Assert.True(after.Economics.Quantity.Value > 0m && after.Economics.Quantity <= before.Economics.Quantity
            || kind == TradeCommandKind.Amend);
        Assert.Equal(after, Trade.Replay(driver.StreamOf(before.Id)));
    }

    private static TradeCommand CommandFor(TradeCommandKind kind, Trade trade)
    {
        var e = trade.Economics;
        var id = trade.Id;
        var quantity = e.Quantity.Value;
        return kind switch
        {
            TradeCommandKind.Amend => new AmendTrade(id, "P", At, new TradeTerms(e.Instrument, e.Side, e.Quantity,
                Price.Of(e.Price.Value + 0.01m), e.Counterparty, e.Book, e.Trader, e.TradeDate, e.SettlementDate)),
            TradeCommandKind.Cancel => new CancelTrade(id, "P", At, "Property test"),
            TradeCommandKind.Allocate => new AllocateTrade(id, "P", At,
            [
                new AllocationLeg(e.Book, DemoIds.GoldmanSachs, Quantity.Of(quantity / 2)),
                new AllocationLeg(e.Book, DemoIds.Barclays, Quantity.Of(quantity / 2)),
            ]),
            TradeCommandKind.Confirm => new ConfirmTrade(id, "P", At, "CONF"),
            TradeCommandKind.Novate => new NovateTrade(id, "P", At,
                e.Counterparty == DemoIds.DeutscheBank ? DemoIds.GoldmanSachs : DemoIds.DeutscheBank),
            TradeCommandKind.PartiallyTerminate => new PartiallyTerminateTrade(id, "P", At, Quantity.Of(quantity / 4)),
            TradeCommandKind.InstructSettlement => new InstructSettlement(id, "P", At),
            TradeCommandKind.MatchSettlement => new MatchSettlement(id, "P", At, "MATCH"),
            TradeCommandKind.Settle => new SettleTrade(id, "P", At, e.SettlementDate),
            TradeCommandKind.FailSettlement => new FailSettlement(id, "P", At, "Fail"),
            TradeCommandKind.Mature => new MatureTrade(id, "P", At),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private sealed class TradeComparer : IEqualityComparer<Trade>
    {
        public static readonly TradeComparer IgnoringVersion = new();

        public bool Equals(Trade? x, Trade? y) =>
            x is not null && y is not null && x.Status == y.Status && x.IsConfirmed == y.IsConfirmed
            && x.Economics == y.Economics && x.SettlementAttempts == y.SettlementAttempts;

        public int GetHashCode(Trade obj) => obj.Id.GetHashCode();
    }
}
