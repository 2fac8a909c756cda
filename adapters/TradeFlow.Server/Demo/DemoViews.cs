using System.Diagnostics;
using MediatR;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Values;
using TradeFlow.EventSourcing;
using TradeFlow.Projections.Queries;

namespace TradeFlow.Server.Demo;

/// <summary>
/// What risk and the back office see after the demo's day: the projections folded from the journal
/// (catch-up from position 1), asked through the same MediatR queries the HTTP API will use.
/// </summary>
internal static class DemoViews
{
    public static DemoUserViews Build(IEventJournal journal, ReferenceDataSet referenceData)
    {
        var clock = Stopwatch.StartNew();
        var catalog = new ProjectionCatalog(referenceData, journal);
        var folded = catalog.Accounting.CatchUp(journal) + catalog.Exposure.CatchUp(journal) + catalog.Settlement.CatchUp(journal);
        var foldTime = clock.Elapsed;
        var mediator = ProjectionQueries.CreateMediator(catalog);

        var exposures = Ask(mediator, new GetCounterpartyExposure())
            .OrderByDescending(e => e.UtilisationPercent)
            .Select(e => new DemoExposure(Name(referenceData, e.Counterparty), e.Counterparty.ToString(), e.Currency.Code, e.SettlementRisk, e.MtmNet,
                e.Utilised, e.HardLimit, e.UtilisationPercent, e.Headroom, e.Breach.ToString()))
            .ToList();
        var positions = Ask(mediator, new GetPositions())
            .Where(p => p.Quantity != 0m)
            .OrderBy(p => p.Book.ToString(), StringComparer.Ordinal).ThenBy(p => p.Instrument.ToString(), StringComparer.Ordinal)
            .Select(p => new DemoPosition(p.Book.ToString(), p.Instrument.ToString(), p.Currency.Code, p.Quantity, p.AverageCost, p.MarketValue, p.UnrealisedPnl, p.RealisedPnl))
            .ToList();
        var ladder = Ask(mediator, new GetSettlementLadder(DemoScenario.TradeDate, 10))
            .OrderBy(r => r.Date).ThenBy(r => r.Currency.Code, StringComparer.Ordinal)
            .Select(r => new DemoLadderRow(r.Date.ToString(), r.Currency.Code, r.Receive, r.Pay, r.Net))
            .ToList();
        var trialBalance = Ask(mediator, new GetTrialBalance())
            .Select(t => new DemoTrialBalanceLine(t.Currency.Code, t.Debits, t.Credits, t.Net))
            .ToList();
        var fails = Ask(mediator, new GetSettlementFails(DemoScenario.TradeDate.AddDays(3))).Count;
        return new DemoUserViews(folded / 3, Math.Round(foldTime.TotalMilliseconds, 1), exposures, positions, ladder, trialBalance, fails);
    }

    private static T Ask<T>(IMediator mediator, ProjectionQuery<T> query) => mediator.Send(query).GetAwaiter().GetResult();

    private static string Name(ReferenceDataSet referenceData, CounterpartyId id) =>
        referenceData.TryGetCounterparty(id, out var counterparty) ? counterparty.Name : id.ToString();
}
