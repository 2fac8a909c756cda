using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Domain.Events;
using TradeFlow.Projections.Accounting;
using TradeFlow.Projections.Accounting.Kept;
using TradeFlow.Projections.Runtime;
using TradeFlow.Projections.Tests.Support;

namespace TradeFlow.Projections.Tests.Accounting;

// Accounting builds each trade's record once, with its lines sized exactly (replay8); the record and its lines must be
// exactly what the draft-and-copy construction it replaced made, for every booking and amendment of any history.
public class TradeLinesTests
{
    [Fact]
    public void A_trade_built_without_a_draft_copy_equals_the_one_built_with_it_for_every_booking_and_amendment()
    {
        Prop.ForAll(RandomHistory.Arbitrary(40), steps =>
        {
            var driver = RandomHistory.Run(steps);
            foreach (var e in driver.AllEvents)
            {
                switch (e)
                {
                    case TradeBooked b:
                        AssertSame(RecordTradeLines.Create(b.TradeId, b.Economics, b.AssetClass, b.Notional, driver.ReferenceData),
                            TradeLines.Create(b.TradeId, b.Economics, b.AssetClass, b.Notional, driver.ReferenceData, new LedgerTable()).ToTrade());
                        break;
                    case TradeAmended a when driver.AllEvents.OfType<TradeBooked>().FirstOrDefault(b => b.TradeId == a.TradeId) is { } booked:
                        AssertSame(RecordTradeLines.Create(a.TradeId, a.Current, booked.AssetClass, a.Notional, driver.ReferenceData),
                            TradeLines.Create(a.TradeId, a.Current, booked.AssetClass, a.Notional, driver.ReferenceData, new LedgerTable()).ToTrade());
                        break;
                    default:
                        break;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    private static void AssertSame(AccountingTrade expected, AccountingTrade actual)
    {
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(expected, ProjectionJson.Options), JsonSerializer.SerializeToUtf8Bytes(actual, ProjectionJson.Options));
        Assert.Equal(expected.OpenLines.ToArray(), actual.OpenLines.ToArray());
    }
}
