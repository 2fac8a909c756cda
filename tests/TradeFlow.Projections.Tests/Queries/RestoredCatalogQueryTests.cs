using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Domain.Values;
using TradeFlow.Projections.Queries;
using TradeFlow.Projections.Runtime;
using TradeFlow.Projections.Storage;
using TradeFlow.Projections.Tests.Support;

namespace TradeFlow.Projections.Tests.Queries;

public class RestoredCatalogQueryTests
{
    /// <summary>
    /// Regression: the trial balance listed a currency whose every account was back to zero, a line that the
    /// canonical state (and so a catalog restored from any projection store) does not have.
    /// </summary>
    [Fact]
    public void A_catalog_restored_from_saved_snapshots_answers_every_query_as_the_live_catalog_on_any_history()
    {
        Prop.ForAll(RandomHistory.Arbitrary(40), steps =>
        {
            var driver = RandomHistory.Run(steps);
            var store = new InMemoryProjectionStore();
            var live = new ProjectionCatalog(driver.ReferenceData, store: store);
            foreach (var e in EventFeed.From(driver.AllEvents))
            {
                live.Apply(e);
            }

            var restored = new ProjectionCatalog(driver.ReferenceData, store: store);
            foreach (var (saver, loader) in live.Runners.Zip(restored.Runners))
            {
                saver.SaveAsync().AsTask().GetAwaiter().GetResult();
                Assert.Equal(ProjectionStart.Resumed, loader.StartAsync().AsTask().GetAwaiter().GetResult());
            }

            Assert.Equal(Answers(live), Answers(restored));
            return true;
        }).QuickCheckThrowOnFailure();
    }

    private static string[] Answers(ProjectionCatalog catalog)
    {
        var view = HistoryView.Live;
        return
        [
            Json(catalog.ReadAccounting(view, a => a.TrialBalance())),
            Json(catalog.ReadAccounting(view, a => a.Balances())),
            Json(catalog.ReadExposure(view, x => x.Positions())),
            Json(catalog.ReadExposure(view, x => x.CounterpartyExposures())),
            Json(catalog.ReadExposure(view, x => x.CurrencyExposures())),
            Json(catalog.ReadSettlement(view, s => s.NettingSets())),
            Json(catalog.ReadSettlement(view, s => s.Exceptions())),
            Json(catalog.ReadSettlement(view, s => s.Fails(new BusinessDate(2025, 6, 30)))),
            Json(catalog.ReadSettlement(view, s => s.Ladder(new BusinessDate(2025, 3, 10), 60))),
        ];
    }

    private static string Json<T>(T answer) => JsonSerializer.Serialize(answer, ProjectionJson.Options);
}
