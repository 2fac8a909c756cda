using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Projections.Accounting;
using TradeFlow.Projections.Runtime;
using TradeFlow.Projections.Tests.Support;

namespace TradeFlow.Projections.Tests.Accounting;

// Accounting settles and closes its trades in place (AccountingTradeState) instead of copying their records: the state
// bytes and every trade read must be what the record-copying fold gave, and a read must not change under later events.
public class AccountingInPlaceFoldTests
{
    [Fact]
    public void After_every_event_the_trade_rows_are_those_of_the_record_copying_fold()
    {
        Prop.ForAll(RandomHistory.Arbitrary(40), steps =>
        {
            var driver = RandomHistory.Run(steps);
            var accounting = new AccountingProjection(driver.ReferenceData, new AccountingOptions(CostMethod.Fifo));
            var reference = new RecordAccountingTrades(driver.ReferenceData);
            foreach (var e in EventFeed.From(driver.AllEvents))
            {
                accounting.Apply(e);
                reference.Apply(e);
                using var state = JsonDocument.Parse(accounting.SerializeState());
                Assert.Equal(JsonSerializer.Serialize(reference.Trades, ProjectionJson.Options),
                    state.RootElement.GetProperty("trades").GetRawText());
            }

            Assert.Equal(accounting.SerializeWithReadOptions(), accounting.SerializeState());
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_trade_read_is_the_record_copying_folds_trade_and_does_not_change_when_it_settles_or_closes() =>
        SnapshotReads.ReadsAreSnapshotsOfTheReferenceFold(
            driver =>
            {
                var projection = new AccountingProjection(driver.ReferenceData);
                return new SnapshotReads.Fold(e => projection.Apply(e), projection.FindTrade);
            },
            driver =>
            {
                var reference = new RecordAccountingTrades(driver.ReferenceData);
                return new SnapshotReads.Fold(e => reference.Apply(e), reference.Find);
            });
}
