using TradeFlow.Domain.ReferenceData;
using TradeFlow.EventSourcing;
using TradeFlow.Projections.Accounting;
using TradeFlow.Projections.Exposure;
using TradeFlow.Projections.Runtime;
using TradeFlow.Projections.Settlement;
using TradeFlow.Projections.Storage;

namespace TradeFlow.Projections.Queries;

/// <summary>
/// The live projections the query handlers read, and the history they replay for as-of views. The engine's
/// publish stage (or a store subscription) feeds <see cref="Apply(in ProjectionEvent)"/>; queries never touch
/// projection internals, only these runners under their locks.
/// </summary>
public sealed class ProjectionCatalog
{
    private readonly ReferenceDataSet _referenceData;
    private readonly AccountingOptions _accountingOptions;
    private readonly IEventJournal? _history;

    /// <summary>Creates the catalog.</summary>
    /// <param name="referenceData">Reference data for every projection.</param>
    /// <param name="history">The store as-of views replay from; without it only live views are served.</param>
    /// <param name="store">Where the runners save state and checkpoint, or null for memory only.</param>
    /// <param name="accountingOptions">Accounting policy.</param>
    public ProjectionCatalog(ReferenceDataSet referenceData, IEventJournal? history = null, IProjectionStore? store = null,
        AccountingOptions? accountingOptions = null)
    {
        ArgumentNullException.ThrowIfNull(referenceData);
        _referenceData = referenceData;
        _accountingOptions = accountingOptions ?? AccountingOptions.Default;
        _history = history;
        Accounting = new(new AccountingProjection(referenceData, _accountingOptions), store);
        Exposure = new(new ExposureProjection(referenceData), store);
        Settlement = new(new SettlementProjection(referenceData), store);
    }

    /// <summary>The accounting runner.</summary>
    public ProjectionRunner<AccountingProjection> Accounting { get; }

    /// <summary>The exposure runner.</summary>
    public ProjectionRunner<ExposureProjection> Exposure { get; }

    /// <summary>The settlement runner.</summary>
    public ProjectionRunner<SettlementProjection> Settlement { get; }

    /// <summary>Every runner, for a <see cref="ProjectionDaemon"/> to drive.</summary>
    public IReadOnlyList<IProjectionRunner> Runners => [Accounting, Exposure, Settlement];

    /// <summary>True when as-of views can be served.</summary>
    public bool HasHistory => _history is not null;

    /// <summary>Feeds one live event to every projection.</summary>
    public void Apply(in ProjectionEvent e)
    {
        Accounting.Apply(e);
        Exposure.Apply(e);
        Settlement.Apply(e);
    }

    /// <summary>Answers from accounting, live or replayed.</summary>
    public T ReadAccounting<T>(HistoryView view, Func<AccountingProjection, T> query) =>
        Read(Accounting, view, () => new AccountingProjection(_referenceData, _accountingOptions), query);

    /// <summary>Answers from exposure, live or replayed.</summary>
    public T ReadExposure<T>(HistoryView view, Func<ExposureProjection, T> query) =>
        Read(Exposure, view, () => new ExposureProjection(_referenceData), query);

    /// <summary>Answers from settlement, live or replayed.</summary>
    public T ReadSettlement<T>(HistoryView view, Func<SettlementProjection, T> query) =>
        Read(Settlement, view, () => new SettlementProjection(_referenceData), query);

    private T Read<TProjection, T>(ProjectionRunner<TProjection> live, HistoryView view, Func<TProjection> create,
        Func<TProjection, T> query)
        where TProjection : class, IProjection
    {
        ArgumentNullException.ThrowIfNull(view);
        if (view.IsLive)
        {
            return live.Read(query);
        }

        var history = _history ?? throw new InvalidOperationException("This catalog has no history to replay as-of views from.");
        var replay = create();
        ProjectionReplay.Run(replay, history, view.ToAsOf());
        return query(replay);
    }
}
