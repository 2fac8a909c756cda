using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Projections.Accounting;
using TradeFlow.Projections.Exposure;
using TradeFlow.Projections.Runtime;
using TradeFlow.Projections.Settlement;
using TradeFlow.Projections.Tests.Support;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Projections.Tests.Runtime;

// State documents are written with hand-written row writers; the hash covers their bytes, so they must be exactly the
// bytes the serializer writes under the projection options — for every projection, on any history.
public class StateWriterTests
{
    [Fact]
    public void Every_projection_writes_its_state_exactly_as_the_serializer_does_on_any_history()
    {
        Prop.ForAll(RandomHistory.Arbitrary(40), steps =>
        {
            var driver = RandomHistory.Run(steps);
            var events = EventFeed.From(driver.AllEvents);
            foreach (var projection in Projections(driver))
            {
                ProjectionSet.Fold(projection.Instance, events);
                Assert.Equal(projection.Reference(), projection.Instance.SerializeState());
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    private static (IProjection Instance, Func<byte[]> Reference)[] Projections(LifecycleDriver driver)
    {
        var accounting = new AccountingProjection(driver.ReferenceData, new AccountingOptions(CostMethod.Fifo));
        var average = new AccountingProjection(driver.ReferenceData, new AccountingOptions(CostMethod.WeightedAverage, keepJournal: false));
        var exposure = new ExposureProjection(driver.ReferenceData);
        var settlement = new SettlementProjection(driver.ReferenceData);
        return
        [
            (accounting, accounting.SerializeWithReadOptions), (average, average.SerializeWithReadOptions),
            (exposure, exposure.SerializeWithReadOptions), (settlement, settlement.SerializeWithReadOptions),
        ];
    }
}
