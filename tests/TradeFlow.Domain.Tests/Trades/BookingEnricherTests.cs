using System.Collections.Immutable;
using TradeFlow.Domain.Events;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Domain.Tests.Trades;

public class BookingEnricherTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 17, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_capture_is_booked_with_the_enrichers_enrichment_and_otherwise_the_same_event()
    {
        var driver = new LifecycleDriver();
        var command = new BookTradeBuilder().Build();
        var enricher = new RecordingEnricher();

        var plain = TradeDecider.Decide(null, command, new DecisionContext(driver.ReferenceData, TradeId.First));
        var enriched = TradeDecider.Decide(null, command,
            new DecisionContext(driver.ReferenceData, TradeId.First, Enricher: enricher));

        var booked = Assert.IsType<TradeBooked>(Assert.Single(enriched.Events));
        Assert.Null(((TradeBooked)plain.Events[0]).Enrichment);
        Assert.Same(enricher.Made[0], booked.Enrichment);
        Assert.Equal(plain.Events[0], booked with { Enrichment = null });
        Assert.Equal([(TradeCommandKind.Book, booked.Economics)], enricher.Asked);
    }

    [Fact]
    public void Allocation_children_are_each_enriched_as_bookings_of_an_allocation()
    {
        var driver = new LifecycleDriver();
        var block = new TradeBuilder().Build(driver);
        var enricher = new RecordingEnricher();
        var command = new AllocateTrade(block.Id, "K", At,
        [
            new AllocationLeg(DemoIds.EquitiesNy, DemoIds.GoldmanSachs, Quantity.Of(700m)),
            new AllocationLeg(DemoIds.EquitiesLdn, DemoIds.DeutscheBank, Quantity.Of(300m)),
        ]);

        var decision = TradeDecider.Decide(block, command,
            new DecisionContext(driver.ReferenceData, driver.NextTradeId, Enricher: enricher));

        var children = decision.Events.OfType<TradeBooked>().ToList();
        Assert.Equal(2, children.Count);
        Assert.Equal(enricher.Made, children.Select(c => c.Enrichment!));
        Assert.Equal(children.Select(c => (TradeCommandKind.Allocate, c.Economics)), enricher.Asked);
    }

    [Fact]
    public void A_novations_new_leg_is_enriched_and_the_novation_itself_is_not()
    {
        var driver = new LifecycleDriver();
        var trade = new TradeBuilder().WithBooking(b => b.ForFxForward()).Confirmed().Build(driver);
        var enricher = new RecordingEnricher();

        var decision = TradeDecider.Decide(trade, new NovateTrade(trade.Id, "K", At, DemoIds.GoldmanSachs),
            new DecisionContext(driver.ReferenceData, driver.NextTradeId, Enricher: enricher));

        var successor = Assert.IsType<TradeBooked>(decision.Events[1]);
        Assert.Same(Assert.Single(enricher.Made), successor.Enrichment);
        Assert.Equal((TradeCommandKind.Novate, DemoIds.GoldmanSachs), (enricher.Asked[0].Kind, enricher.Asked[0].Economics.Counterparty));
    }

    [Fact]
    public void A_refused_capture_never_asks_the_enricher()
    {
        var driver = new LifecycleDriver();
        var enricher = new RecordingEnricher();
        var command = new BookTradeBuilder().With(t => t with { Book = DemoIds.ClosedBook }).Build();

        var decision = TradeDecider.Decide(null, command,
            new DecisionContext(driver.ReferenceData, TradeId.First, Enricher: enricher));

        Assert.False(decision.IsAccepted);
        Assert.Empty(enricher.Asked);
    }

    private sealed class RecordingEnricher : IBookingEnricher
    {
        public List<(TradeCommandKind Kind, TradeEconomics Economics)> Asked { get; } = [];

        public List<TradeEnrichment> Made { get; } = [];

        public TradeEnrichment? Enrich(TradeCommandKind kind, TradeEconomics economics)
        {
            Asked.Add((kind, economics));
            var enrichment = new TradeEnrichment(CounterpartyLimitId: "CL-" + Made.Count, ComplianceWarnings: ImmutableArray.Create("w"));
            Made.Add(enrichment);
            return enrichment;
        }
    }
}
