using MediatR;
using TradeFlow.Domain.Values;
using TradeFlow.Projections.Accounting;
using TradeFlow.Projections.Exposure;
using TradeFlow.Projections.Settlement;

namespace TradeFlow.Projections.Queries;

/// <summary>
/// The handlers of every projection query, one class because each is one line over the catalog.
/// Off the hot path: they run on the caller's thread, take the runner's lock for a live read, or replay.
/// </summary>
public sealed class ProjectionQueryHandlers :
    IRequestHandler<GetTrialBalance, IReadOnlyList<TrialBalanceLine>>,
    IRequestHandler<GetLedgerBalances, IReadOnlyList<LedgerBalance>>,
    IRequestHandler<GetJournalEntries, IReadOnlyList<JournalEntry>>,
    IRequestHandler<GetPositions, IReadOnlyList<Position>>,
    IRequestHandler<GetCounterpartyExposure, IReadOnlyList<CounterpartyExposure>>,
    IRequestHandler<GetCurrencyExposure, IReadOnlyList<CurrencyExposure>>,
    IRequestHandler<GetObligations, IReadOnlyList<Obligation>>,
    IRequestHandler<GetNettingSets, IReadOnlyList<NettingSet>>,
    IRequestHandler<GetSettlementExceptions, IReadOnlyList<SettlementBreak>>,
    IRequestHandler<GetSettlementFails, IReadOnlyList<FailRow>>,
    IRequestHandler<GetSettlementLadder, IReadOnlyList<LadderRow>>
{
    private readonly ProjectionCatalog _catalog;

    /// <summary>Creates the handlers over a catalog.</summary>
    public ProjectionQueryHandlers(ProjectionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TrialBalanceLine>> Handle(GetTrialBalance request, CancellationToken cancellationToken) =>
        Answer(request, r => _catalog.ReadAccounting(r.View, a => a.TrialBalance()));

    /// <inheritdoc />
    public Task<IReadOnlyList<LedgerBalance>> Handle(GetLedgerBalances request, CancellationToken cancellationToken) =>
        Answer(request, r => _catalog.ReadAccounting(r.View, a => a.Balances(r.Book)));

    /// <inheritdoc />
    public Task<IReadOnlyList<JournalEntry>> Handle(GetJournalEntries request, CancellationToken cancellationToken) =>
        Answer(request, r => _catalog.ReadAccounting(r.View, a => a.LatestJournalEntries(r.TradeId, r.Limit)));

    /// <inheritdoc />
    public Task<IReadOnlyList<Position>> Handle(GetPositions request, CancellationToken cancellationToken) =>
        Answer(request, r => _catalog.ReadExposure(r.View, x => x.Positions(r.Book)));

    /// <inheritdoc />
    public Task<IReadOnlyList<CounterpartyExposure>> Handle(GetCounterpartyExposure request, CancellationToken cancellationToken) =>
        Answer(request, r => _catalog.ReadExposure(r.View, x => OneOrAll(x, r.Counterparty)));

    /// <inheritdoc />
    public Task<IReadOnlyList<CurrencyExposure>> Handle(GetCurrencyExposure request, CancellationToken cancellationToken) =>
        Answer(request, r => _catalog.ReadExposure(r.View, x => x.CurrencyExposures(r.Book)));

    /// <inheritdoc />
    public Task<IReadOnlyList<Obligation>> Handle(GetObligations request, CancellationToken cancellationToken) =>
        Answer(request, r => _catalog.ReadSettlement(r.View, s => s.ObligationsOf(r.TradeId)));

    /// <inheritdoc />
    public Task<IReadOnlyList<NettingSet>> Handle(GetNettingSets request, CancellationToken cancellationToken) =>
        Answer(request, r => _catalog.ReadSettlement(r.View, s => s.NettingSets()));

    /// <inheritdoc />
    public Task<IReadOnlyList<SettlementBreak>> Handle(GetSettlementExceptions request, CancellationToken cancellationToken) =>
        Answer(request, r => _catalog.ReadSettlement(r.View, s => s.Exceptions()));

    /// <inheritdoc />
    public Task<IReadOnlyList<FailRow>> Handle(GetSettlementFails request, CancellationToken cancellationToken) =>
        Answer(request, r => _catalog.ReadSettlement(r.View, s => s.Fails(r.AsOfDate)));

    /// <inheritdoc />
    public Task<IReadOnlyList<LadderRow>> Handle(GetSettlementLadder request, CancellationToken cancellationToken) =>
        Answer(request, r => _catalog.ReadSettlement(r.View, s => s.Ladder(r.From, r.BusinessDays)));

    // One counterparty is answered also with nothing outstanding: its limit in force (possibly changed) is the answer.
    private static IReadOnlyList<CounterpartyExposure> OneOrAll(ExposureProjection exposure, CounterpartyId? counterparty) =>
        counterparty is { } one
            ? exposure.CounterpartyExposureOf(one) is { } row ? [row] : []
            : exposure.CounterpartyExposures();

    private static Task<T> Answer<TRequest, T>(TRequest request, Func<TRequest, T> answer)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(answer(request));
    }
}
