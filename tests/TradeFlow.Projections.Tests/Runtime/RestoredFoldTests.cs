using System.Text;
using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Projections.Accounting;
using TradeFlow.Projections.Exposure;
using TradeFlow.Projections.Runtime;
using TradeFlow.Projections.Settlement;
using TradeFlow.Projections.Tests.Support;

namespace TradeFlow.Projections.Tests.Runtime;

// A snapshot is a cut in the fold: write the state, restore it, fold the rest. Nothing the fold's later output depends
// on may be lost at the cut, or a restored run and an uninterrupted one would hash differently (replay determinism would
// then report a difference that is not in the events).
public class RestoredFoldTests
{
    [Fact]
    public void Writing_restoring_and_folding_on_at_any_cut_gives_the_bytes_and_hash_of_an_uninterrupted_fold()
    {
        Prop.ForAll(RandomHistory.Arbitrary(60), Gen.Choose(0, 10_000).ToArbitrary(), (steps, cutSeed) =>
        {
            var driver = RandomHistory.Run(steps);
            var events = EventFeed.From(driver.AllEvents);
            var cut = cutSeed % (events.Count + 1);
            foreach (var factory in Factories(driver.ReferenceData))
            {
                var uninterrupted = factory();
                ProjectionSet.Fold(uninterrupted, events);

                var before = factory();
                ProjectionSet.Fold(before, events.Take(cut));
                var restored = factory();
                restored.RestoreState(before.SerializeState());
                ProjectionSet.Fold(restored, events.Skip(cut));

                Assert.Equal(Encoding.UTF8.GetString(uninterrupted.SerializeState()), Encoding.UTF8.GetString(restored.SerializeState()));
                Assert.Equal(StateHash.Of(uninterrupted), StateHash.Of(restored));
            }

            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    // Accounting with its journal kept in memory (serve) and spilled to a stream (replay), exposure and settlement.
    // Without a kept journal a ledger back at zero is not in the state, nor its zero's scale: docs/accounting.md.
    private static Func<IProjection>[] Factories(ReferenceDataSet data) =>
    [
        () => new AccountingProjection(data, new AccountingOptions(CostMethod.Fifo)),
        () => new AccountingProjection(data, new AccountingOptions(CostMethod.WeightedAverage) { JournalSpill = new MemoryStream() }),
        () => new ExposureProjection(data),
        () => new SettlementProjection(data),
    ];
}
