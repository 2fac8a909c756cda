using FsCheck.Fluent;
using TradeFlow.Projections.Tests.Support;

namespace TradeFlow.Projections.Tests.Runtime;

public class RandomHistoryTests
{
    [Fact]
    public void The_random_histories_the_properties_run_on_reach_every_kind_of_lifecycle_event()
    {
        // Guards the properties from passing vacuously: a generator that never settled or novated would prove little.
        // A fixed seed keeps the guard deterministic (unseeded, a rare event such as TradeMatured was sometimes missed).
        var seen = Gen.Sample(RandomHistory.Steps(), 40, new FsCheck.Rnd(1), 200)
            .SelectMany(steps => RandomHistory.Run(steps).AllEvents.Select(e => e.GetType().Name))
            .ToHashSet();

        Assert.Superset(new HashSet<string>
        {
            "TradeBooked", "TradeAmended", "TradeCancelled", "TradeAllocated", "TradeConfirmed", "TradeNovated",
            "TradePartiallyTerminated", "SettlementInstructed", "SettlementMatched", "SettlementSettled",
            "SettlementFailed", "TradeMatured", "TradeRejected",
        }, seen);
    }
}
