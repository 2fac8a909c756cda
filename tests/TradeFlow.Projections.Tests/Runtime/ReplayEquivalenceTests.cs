using FsCheck;
using FsCheck.Fluent;
using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.InMemory;
using TradeFlow.Projections.Runtime;
using TradeFlow.Projections.Tests.Support;

namespace TradeFlow.Projections.Tests.Runtime;

public class ReplayEquivalenceTests
{
    [Fact]
    public void As_of_a_position_equals_the_state_a_live_run_had_at_that_position_on_any_history()
    {
        Prop.ForAll(RandomHistory.Arbitrary(30), Gen.Choose(0, 10_000).ToArbitrary(), (steps, cut) =>
        {
            var driver = RandomHistory.Run(steps);
            var events = EventFeed.From(driver.AllEvents);
            var at = GlobalPosition.FromInt64(cut % (events.Count + 1));
            foreach (var factory in ProjectionSet.Factories(driver.ReferenceData))
            {
                var live = factory();
                string? hashAtCut = at == GlobalPosition.Start ? StateHash.Of(live) : null;
                foreach (var e in events)
                {
                    live.Apply(e);
                    if (e.Position == at)
                    {
                        hashAtCut = StateHash.Of(live);
                    }
                }

                var asOf = factory();
                ProjectionReplay.Run(asOf, events, AsOf.AtPosition(at));
                Assert.Equal(hashAtCut, StateHash.Of(asOf));
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Rebuild_from_the_store_equals_the_live_fold_and_a_restored_snapshot_hashes_the_same()
    {
        Prop.ForAll(RandomHistory.Arbitrary(30), steps =>
        {
            var driver = RandomHistory.Run(steps);
            using var store = new InMemoryEventStore();
            EventFeed.AppendTo(store, driver.AllEvents);
            foreach (var factory in ProjectionSet.Factories(driver.ReferenceData))
            {
                var live = factory();
                ProjectionSet.Fold(live, EventFeed.From(driver.AllEvents));
                var rebuilt = new ProjectionRunner<IProjection>(factory());
                rebuilt.Rebuild(store);
                Assert.Equal(StateHash.Of(live), rebuilt.StateHash());

                var restored = factory();
                restored.RestoreState(live.SerializeState());
                Assert.Equal(StateHash.Of(live), StateHash.Of(restored));
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Two_replays_of_the_same_history_hash_identically_and_a_different_history_does_not()
    {
        var driver = RandomHistory.Run([(0, 0, 7), (0, 0, 12), (1, 0, 3), (8, 1, 0), (2, 0, 0)]);
        var events = EventFeed.From(driver.AllEvents);
        foreach (var factory in ProjectionSet.Factories(driver.ReferenceData))
        {
            var first = factory();
            var second = factory();
            ProjectionSet.Fold(first, events);
            ProjectionSet.Fold(second, events);
            var shorter = factory();
            ProjectionSet.Fold(shorter, events.Take(events.Count - 1));
            Assert.Equal(StateHash.Of(first), StateHash.Of(second));
            Assert.NotEqual(StateHash.Of(first), StateHash.Of(shorter));
            Assert.Matches("^[0-9a-f]{64}$", StateHash.Of(first));
        }
    }
}
