using TradeFlow.Domain.Values;
using TradeFlow.EventSourcing.InMemory;
using TradeFlow.Projections.Queries;
using TradeFlow.Projections.Tests.Support;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Projections.Tests.Queries;

public sealed class ProjectionQueryTests : IDisposable
{
    private readonly InMemoryEventStore _store = new();
    private readonly LifecycleDriver _driver = new();

    public ProjectionQueryTests()
    {
        _driver.Book(new BookTradeBuilder().Build());
        _driver.Book(new BookTradeBuilder().ForFxSpot().Build());
        EventFeed.AppendTo(_store, _driver.AllEvents);
    }

    public void Dispose() => _store.Dispose();

    private ProjectionCatalog LiveCatalog(bool withHistory = true)
    {
        var catalog = new ProjectionCatalog(_driver.ReferenceData, withHistory ? _store : null);
        foreach (var e in EventFeed.From(_driver.AllEvents))
        {
            catalog.Apply(e);
        }

        return catalog;
    }

    [Fact]
    public async Task The_mediator_answers_live_queries_from_the_projections()
    {
        var mediator = ProjectionQueries.CreateMediator(LiveCatalog());

        var trialBalance = await mediator.Send(new GetTrialBalance());
        var positions = await mediator.Send(new GetPositions(DemoIds.EquitiesNy));
        var exposure = await mediator.Send(new GetCounterpartyExposure(DemoIds.DeutscheBank));
        var obligations = await mediator.Send(new GetObligations(TradeId.First));
        var ladder = await mediator.Send(new GetSettlementLadder(new BusinessDate(2025, 3, 17), 5));

        Assert.Equal([Currency.EUR, Currency.USD], trialBalance.Select(l => l.Currency));
        Assert.All(trialBalance, l => Assert.Equal(0m, l.Net));
        Assert.Equal(1000m, Assert.Single(positions).Quantity);
        Assert.Equal(5_425_000.00m, Assert.Single(exposure).SettlementRisk);
        Assert.Equal(2, obligations.Count);
        Assert.Equal(3, ladder.Count);
    }

    [Fact]
    public async Task An_as_of_query_replays_history_up_to_the_requested_position()
    {
        var mediator = ProjectionQueries.CreateMediator(LiveCatalog());

        var then = await mediator.Send(new GetTrialBalance { View = new HistoryView(AtPosition: 1) });
        var journal = await mediator.Send(new GetJournalEntries { View = new HistoryView(AtPosition: 1) });

        Assert.Equal(Currency.USD, Assert.Single(then).Currency);
        Assert.Equal(TradeId.First, Assert.Single(journal).TradeId);
    }

    [Fact]
    public async Task An_invalid_query_is_refused_with_every_problem_before_it_runs()
    {
        var mediator = ProjectionQueries.CreateMediator(LiveCatalog());

        var error = await Assert.ThrowsAsync<QueryValidationException>(() =>
            mediator.Send(new GetSettlementLadder(default, 0) { View = new HistoryView(AtPosition: -1) }));

        Assert.Equal(
        [
            "View.AtPosition: -1 is negative",
            "From: must be set",
            "BusinessDays: 0 is not between 1 and 250",
        ], error.Errors.ToArray());
    }

    [Fact]
    public async Task An_as_of_query_is_refused_when_the_service_has_no_history()
    {
        var mediator = ProjectionQueries.CreateMediator(LiveCatalog(withHistory: false));

        var error = await Assert.ThrowsAsync<QueryValidationException>(() =>
            mediator.Send(new GetPositions { View = new HistoryView(KnownAt: EventFeed.FirstRecorded) }));

        Assert.Contains("as-of views need the event history", Assert.Single(error.Errors), StringComparison.Ordinal);
    }
}
