using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Domain.Events;
using TradeFlow.Projections.Exposure;
using TradeFlow.Projections.Runtime;
using TradeFlow.Projections.Tests.Support;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Projections.Tests.Exposure;

// Exposure updates its trades in place (replay8: no record copy per settlement, maturity or novation); its state,
// queries and snapshots must be exactly those of the record-copying fold it replaced, on any history and at every point.
public class ExposureInPlaceFoldTests
{
    [Fact]
    public void Updating_trades_in_place_writes_the_same_state_bytes_as_copying_records_after_every_event()
    {
        Prop.ForAll(RandomHistory.Arbitrary(40), Gen.Choose(0, 3).ToArbitrary(), (steps, limitChanges) =>
        {
            var driver = RandomHistory.Run(steps);
            var exposure = new ExposureProjection(driver.ReferenceData);
            var reference = new RecordExposureFold(driver.ReferenceData);
            foreach (var e in EventFeed.From([.. driver.AllEvents, .. LimitChanges(driver, limitChanges)]))
            {
                exposure.Apply(e);
                reference.Apply(e);
                var expected = JsonSerializer.SerializeToUtf8Bytes(reference.Document(), ProjectionJson.Options);
                Assert.Equal(expected, exposure.SerializeState());
                Assert.Equal(expected, exposure.SerializeWithReadOptions());
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
                var projection = new ExposureProjection(driver.ReferenceData);
                return new SnapshotReads.Fold(e => projection.Apply(e), projection.FindTrade);
            },
            driver =>
            {
                var reference = new RecordExposureFold(driver.ReferenceData);
                return new SnapshotReads.Fold(e => reference.Apply(e), reference.Find);
            });
    }

    [Fact]
    public void A_state_restored_mid_history_folds_on_to_the_same_bytes_and_exposures_as_one_uninterrupted_fold()
    {
        Prop.ForAll(RandomHistory.Arbitrary(40), Gen.Choose(0, 100).ToArbitrary(), (steps, cutPercent) =>
        {
            var driver = RandomHistory.Run(steps);
            var events = EventFeed.From([.. driver.AllEvents, .. LimitChanges(driver, 2)]);
            var cut = events.Count * cutPercent / 100;
            var whole = new ExposureProjection(driver.ReferenceData);
            ProjectionSet.Fold(whole, events);

            var first = new ExposureProjection(driver.ReferenceData);
            ProjectionSet.Fold(first, events.Take(cut));
            var resumed = new ExposureProjection(driver.ReferenceData);
            resumed.RestoreState(first.SerializeState());
            ProjectionSet.Fold(resumed, events.Skip(cut));

            Assert.Equal(whole.SerializeState(), resumed.SerializeState());
            Assert.Equal(Json(whole.CounterpartyExposures()), Json(resumed.CounterpartyExposures()));
            Assert.Equal(Json(whole.CurrencyExposures()), Json(resumed.CurrencyExposures()));
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_position_larger_than_the_writers_flush_threshold_is_written_as_the_serializer_writes_it()
    {
        // 400 bookings into one position: its movements alone are > 40 KB, so the row is flushed part-way, several times.
        var driver = new LifecycleDriver();
        for (var i = 0; i < 400; i++)
        {
            driver.Book(new BookTradeBuilder().WithQuantity(100m + i).Build());
        }

        var exposure = new ExposureProjection(driver.ReferenceData);
        ProjectionSet.Fold(exposure, EventFeed.From([.. driver.AllEvents, .. LimitChanges(driver, 1)]));

        var state = exposure.SerializeState();
        Assert.True(state.Length > 48 * 1024, $"state of {state.Length} bytes");
        Assert.Equal(exposure.SerializeWithReadOptions(), state);
    }

    // Limit changes for the first few counterparties after the history, so the document's limits member is written too.
    private static IEnumerable<ITradeEvent> LimitChanges(LifecycleDriver driver, int count) =>
        driver.ReferenceData.Counterparties.Take(count).Select((c, i) => new CreditLimitChanged(c.Id, EventFeed.FirstRecorded,
            c.CreditLimit.LimitId, c.CreditLimit.Hard, c.CreditLimit.Soft, c.CreditLimit.Hard * (2m + i), c.CreditLimit.Soft,
            "Review"));

    private static byte[] Json<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, ProjectionJson.Options);
}
