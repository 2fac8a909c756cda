using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Projections.Runtime;
using TradeFlow.Projections.Settlement;
using TradeFlow.Projections.Tests.Support;

namespace TradeFlow.Projections.Tests.Settlement;

// Settlement updates its trades in place (no record copy per event); its state, queries and snapshots must be exactly
// those of the record-copying fold it replaced, on any history and at every point of it.
public class SettlementInPlaceFoldTests
{
    [Fact]
    public void Updating_trades_in_place_writes_the_same_state_bytes_as_copying_records_after_every_event()
    {
        Prop.ForAll(RandomHistory.Arbitrary(40), steps =>
        {
            var driver = RandomHistory.Run(steps);
            var settlement = new SettlementProjection(driver.ReferenceData);
            var reference = new RecordSettlementFold(driver.ReferenceData);
            foreach (var e in EventFeed.From(driver.AllEvents))
            {
                settlement.Apply(e);
                reference.Apply(e);
                Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(reference.Document(), ProjectionJson.Options), settlement.SerializeState());
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_trade_read_from_the_projection_is_a_snapshot_that_later_events_do_not_change()
    {
        SnapshotReads.ReadsAreSnapshotsOfTheReferenceFold(
            driver =>
            {
                var projection = new SettlementProjection(driver.ReferenceData);
                return new SnapshotReads.Fold(e => projection.Apply(e), projection.FindTrade);
            },
            driver =>
            {
                var reference = new RecordSettlementFold(driver.ReferenceData);
                return new SnapshotReads.Fold(e => reference.Apply(e), reference.Find);
            });
    }

    [Fact]
    public void A_state_restored_mid_history_folds_on_to_the_same_bytes_as_one_uninterrupted_fold()
    {
        Prop.ForAll(RandomHistory.Arbitrary(40), Gen.Choose(0, 100).ToArbitrary(), (steps, cutPercent) =>
        {
            var driver = RandomHistory.Run(steps);
            var events = EventFeed.From(driver.AllEvents);
            var cut = events.Count * cutPercent / 100;
            var whole = new SettlementProjection(driver.ReferenceData);
            ProjectionSet.Fold(whole, events);

            var first = new SettlementProjection(driver.ReferenceData);
            ProjectionSet.Fold(first, events.Take(cut));
            var resumed = new SettlementProjection(driver.ReferenceData);
            resumed.RestoreState(first.SerializeState());
            ProjectionSet.Fold(resumed, events.Skip(cut));

            Assert.Equal(whole.SerializeState(), resumed.SerializeState());
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void The_state_written_row_by_row_is_the_serializers_document_when_empty_and_across_buffer_flushes()
    {
        var empty = RandomHistory.Run([]);
        var none = new SettlementProjection(empty.ReferenceData);
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(new RecordSettlementFold(empty.ReferenceData).Document(), ProjectionJson.Options),
            none.SerializeState());

        var driver = RandomHistory.Run([.. Enumerable.Range(0, 200).Select(i => (Op: 0, Target: 0, Variant: i * 7))]);
        var settlement = new SettlementProjection(driver.ReferenceData);
        var reference = new RecordSettlementFold(driver.ReferenceData);
        foreach (var e in EventFeed.From(driver.AllEvents))
        {
            settlement.Apply(e);
            reference.Apply(e);
        }

        var expected = JsonSerializer.SerializeToUtf8Bytes(reference.Document(), ProjectionJson.Options);
        Assert.True(expected.Length > 3 * 16 * 1024, $"the document should span several flushes, was {expected.Length} B");
        Assert.Equal(expected, settlement.SerializeState());
    }
}
