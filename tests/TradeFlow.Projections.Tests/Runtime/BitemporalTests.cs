using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.EventSourcing;
using TradeFlow.Projections.Exposure;
using TradeFlow.Projections.Runtime;
using TradeFlow.Projections.Tests.Support;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Projections.Tests.Runtime;

public class BitemporalTests
{
    private static readonly DateTimeOffset MondayMorning = new(2025, 3, 17, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Wednesday = new(2025, 3, 19, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_back_dated_amendment_changes_last_weeks_effective_view_as_known_now_but_not_as_known_then()
    {
        // Booked Monday at 190.50; on Wednesday the desk corrects the price to 191.00 with effect from Monday 11:00.
        var d = new LifecycleDriver();
        var id = d.Book(new BookTradeBuilder().At(MondayMorning).Build());
        var terms = new BookTradeBuilder().Terms with { Price = Price.Of(191.00m) };
        Assert.True(d.Send(new AmendTrade(id, "FIX-2", MondayMorning.AddHours(1), terms)).IsAccepted);
        var events = EventFeed.From(d.AllEvents);
        events[0] = events[0] with { RecordedTime = MondayMorning };
        events[1] = events[1] with { RecordedTime = Wednesday };

        decimal CostOn(AsOf view)
        {
            var exposure = new ExposureProjection(d.ReferenceData);
            ProjectionReplay.Run(exposure, events, view);
            return exposure.Positions().Single().Cost;
        }

        var monday = new BusinessDate(2025, 3, 17);
        Assert.Equal(191_000m, CostOn(AsOf.Latest.EffectiveOn(monday)));
        Assert.Equal(190_500m, CostOn(AsOf.AsKnownAt(new DateTimeOffset(2025, 3, 18, 18, 0, 0, TimeSpan.Zero)).EffectiveOn(monday)));
        Assert.Equal(190_500m, CostOn(new AsOf(GlobalPosition.End, EffectiveAt: MondayMorning.AddMinutes(30))));
        Assert.Equal(190_500m, CostOn(AsOf.AtPosition(GlobalPosition.FromInt64(1))));
    }

    [Fact]
    public void An_as_known_at_view_counts_an_event_recorded_before_the_cut_even_if_a_later_position_was_recorded_earlier()
    {
        var d = new LifecycleDriver();
        d.Book(new BookTradeBuilder().Build());
        d.Book(new BookTradeBuilder().Build());
        var events = EventFeed.From(d.AllEvents);
        // A clock step back at a restart: position 2 carries an earlier recorded time than position 1.
        events[0] = events[0] with { RecordedTime = Wednesday };
        events[1] = events[1] with { RecordedTime = MondayMorning };

        var exposure = new ExposureProjection(d.ReferenceData);
        ProjectionReplay.Run(exposure, events, AsOf.AsKnownAt(MondayMorning));

        Assert.Equal(1000m, exposure.Positions().Single().Quantity);
    }
}
