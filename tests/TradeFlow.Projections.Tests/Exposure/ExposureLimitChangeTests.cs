using System.Collections.Immutable;
using TradeFlow.Domain.Events;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Projections.Exposure;
using TradeFlow.Projections.Runtime;
using TradeFlow.Projections.Tests.Support;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Projections.Tests.Exposure;

public class ExposureLimitChangeTests
{
    private static readonly DateTimeOffset Noon = new(2025, 3, 14, 12, 0, 0, TimeSpan.Zero);

    private static Money Usd(decimal amount) => new(amount, Currency.USD);

    // Goldman Sachs: CL-784F, 50m hard / 40m soft in the demo data. 100,000 Apple at 200 = 20m of settlement risk.
    private static (LifecycleDriver Driver, List<ProjectionEvent> Events) BookThenLower()
    {
        var d = new LifecycleDriver();
        d.Book(new BookTradeBuilder().WithQuantity(100_000m).With(t => t with { Price = Price.Of(200m) }).Build());
        var lowered = new CreditLimitChanged(DemoIds.GoldmanSachs, Noon, "CL-784F", Usd(50_000_000m), Usd(40_000_000m),
            Usd(25_000_000m), Usd(15_000_000m), "Rating downgrade");
        return (d, EventFeed.From([.. d.AllEvents, lowered]));
    }

    private static CounterpartyExposure GoldmanAt(LifecycleDriver d, List<ProjectionEvent> events, AsOf view)
    {
        var exposure = new ExposureProjection(d.ReferenceData);
        ProjectionReplay.Run(exposure, events, view);
        return exposure.CounterpartyExposureOf(DemoIds.GoldmanSachs)!;
    }

    [Fact]
    public void A_counterpartys_exposure_is_measured_against_its_latest_limit_change()
    {
        var (d, events) = BookThenLower();

        var now = GoldmanAt(d, events, AsOf.Latest);

        Assert.Equal(("CL-784F", 25_000_000m, 15_000_000m), (now.LimitId, now.HardLimit, now.SoftLimit));
        Assert.Equal(LimitBreach.Soft, now.Breach); // 20m utilised: above the new 15m soft limit
        Assert.Equal(80m, now.UtilisationPercent);
        Assert.Equal(5_000_000m, now.Headroom);
    }

    [Fact]
    public void An_as_of_view_before_the_change_shows_the_limit_from_the_reference_data()
    {
        var (d, events) = BookThenLower();
        var beforeChange = events[^2];

        var atPosition = GoldmanAt(d, events, AsOf.AtPosition(beforeChange.Position));
        var asKnown = GoldmanAt(d, events, AsOf.AsKnownAt(beforeChange.RecordedTime));

        Assert.All([atPosition, asKnown], x => Assert.Equal((50_000_000m, 40_000_000m, LimitBreach.None), (x.HardLimit, x.SoftLimit, x.Breach)));
    }

    [Fact]
    public void An_effective_date_before_the_change_shows_the_old_limit()
    {
        var (d, events) = BookThenLower();

        var dayBefore = GoldmanAt(d, events, AsOf.Latest.EffectiveOn(new BusinessDate(2025, 3, 13)));
        var sameDay = GoldmanAt(d, events, AsOf.Latest.EffectiveOn(new BusinessDate(2025, 3, 14)));

        Assert.Equal(50_000_000m, dayBefore.HardLimit);
        Assert.Equal(25_000_000m, sameDay.HardLimit);
    }

    [Fact]
    public void A_counterparty_with_nothing_outstanding_is_answered_with_its_changed_limit()
    {
        var d = new LifecycleDriver();
        var raised = new CreditLimitChanged(DemoIds.Barclays, Noon, "CL-G5GS", Usd(50_000_000m), Usd(40_000_000m),
            Usd(90_000_000m), Usd(80_000_000m), "Review");
        var exposure = new ExposureProjection(d.ReferenceData);
        ProjectionReplay.Run(exposure, EventFeed.From([raised]), AsOf.Latest);

        var barclays = exposure.CounterpartyExposureOf(DemoIds.Barclays)!;

        Assert.Equal((0m, 90_000_000m, 80_000_000m, 90_000_000m), (barclays.Utilised, barclays.HardLimit, barclays.SoftLimit, barclays.Headroom));
        Assert.Empty(exposure.CounterpartyExposures());
        Assert.Equal(Usd(90_000_000m), exposure.LimitOf(DemoIds.Barclays)!.Hard);
    }

    [Fact]
    public void A_refused_limit_change_leaves_the_limit_as_it_was()
    {
        var d = new LifecycleDriver();
        var refused = new CreditLimitChangeRejected(DemoIds.GoldmanSachs, Noon, "HTTP:x",
            ImmutableArray.Create(new RejectionReason(RejectionCode.InvalidCreditLimit, "soft above hard")));
        var exposure = new ExposureProjection(d.ReferenceData);
        ProjectionReplay.Run(exposure, EventFeed.From([refused]), AsOf.Latest);

        Assert.Equal(50_000_000m, exposure.CounterpartyExposureOf(DemoIds.GoldmanSachs)!.HardLimit);
    }

    [Fact]
    public void A_changed_limit_survives_the_projections_state_round_trip_and_a_state_without_one_keeps_its_shape()
    {
        var (d, events) = BookThenLower();
        var exposure = new ExposureProjection(d.ReferenceData);
        ProjectionReplay.Run(exposure, events, AsOf.AtPosition(events[^2].Position));
        var withoutChange = System.Text.Encoding.UTF8.GetString(exposure.SerializeState());
        exposure.Apply(events[^1]);

        var restored = new ExposureProjection(d.ReferenceData);
        restored.RestoreState(exposure.SerializeState());

        Assert.DoesNotContain("limits", withoutChange, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(25_000_000m, restored.CounterpartyExposureOf(DemoIds.GoldmanSachs)!.HardLimit);
        Assert.Equal(exposure.SerializeState(), restored.SerializeState());
    }
}
