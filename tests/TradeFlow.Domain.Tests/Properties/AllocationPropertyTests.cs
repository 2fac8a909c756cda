using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Domain.Tests.Properties;

public class AllocationPropertyTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 17, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_allocation_is_accepted_exactly_when_the_children_sum_to_the_block()
    {
        // Children of 1..100,000 shares (sometimes fractional); the block is their sum, or off by a little.
        var child = from whole in Gen.Choose(1, 100_000) from cents in Gen.Elements(0, 0, 0, 25, 50) select whole + cents / 100m;
        var cases =
            from legs in Gen.Choose(2, 6).SelectMany(n => Gen.ArrayOf(child, n))
            from offset in Gen.Elements(0m, 0m, 0m, 1m, -1m, 0.01m)
            where legs.Sum() + offset > 0m
            select (legs, block: legs.Sum() + offset);

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var driver = new LifecycleDriver();
            var block = new TradeBuilder().WithBooking(b => b.WithQuantity(c.block)).Build(driver);
            var legs = c.legs.Select((q, i) => new AllocationLeg(
                i % 2 == 0 ? DemoIds.EquitiesNy : DemoIds.EquitiesLdn, DemoIds.GoldmanSachs, Quantity.Of(q)));

            var decision = driver.Send(new AllocateTrade(block.Id, "K", At, [.. legs]));

            var childIds = Enumerable.Range(1, c.legs.Length).Select(i => block.Id.Plus(i)).ToList();
            return decision.IsAccepted == (c.legs.Sum() == c.block)
                && (decision.IsAccepted
                    ? driver[block.Id].Status == TradeStatus.Allocated
                      && childIds.Sum(id => driver[id].Economics.Quantity.Value) == c.block
                      && childIds.All(id => driver[id].ParentTradeId == block.Id && driver[id].Status == TradeStatus.Booked)
                    : decision.Reasons.Any(r => r.Code == RejectionCode.AllocationMismatch)
                      && driver[block.Id].Status == TradeStatus.Booked
                      && childIds.All(id => driver.Find(id) is null));
        }).QuickCheckThrowOnFailure();
    }
}
