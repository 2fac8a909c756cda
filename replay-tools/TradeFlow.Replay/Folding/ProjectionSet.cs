using TradeFlow.Domain.ReferenceData;
using TradeFlow.Projections.Accounting;
using TradeFlow.Projections.Exposure;
using TradeFlow.Projections.Runtime;
using TradeFlow.Projections.Settlement;
using TradeFlow.Replay.Cli;

namespace TradeFlow.Replay.Folding;

/// <summary>Fresh instances of the built-in projections (and any the environment adds), for a replay that touches no checkpoint.</summary>
internal sealed class ProjectionSet
{
    /// <param name="referenceData">The reference data the projections value with.</param>
    /// <param name="environment">The tool's environment (extra projections of a test build).</param>
    /// <param name="only">Fold only this projection.</param>
    /// <param name="journalSpill">A temporary stream for the accounting journal, so a long replay does not hold it in memory
    /// (same state and hash as holding it).</param>
    public ProjectionSet(ReferenceDataSet referenceData, ReplayEnvironment environment, string? only = null, Stream? journalSpill = null)
    {
        Accounting = new AccountingProjection(referenceData, new AccountingOptions { JournalSpill = journalSpill });
        Exposure = new ExposureProjection(referenceData);
        Settlement = new SettlementProjection(referenceData);
        var all = new List<IProjection> { Accounting, Exposure, Settlement };
        all.AddRange(environment.ExtraProjections.Select(create => create(referenceData)));
        All = only is null ? all : all.Where(p => p.Name == only).ToList();
        if (All.Count == 0)
        {
            throw ReplayException.BadInput($"unknown projection '{only}' (known: {string.Join(", ", all.Select(p => p.Name))}).");
        }
    }

    public AccountingProjection Accounting { get; }

    public ExposureProjection Exposure { get; }

    public SettlementProjection Settlement { get; }

    /// <summary>The projections folded (all, or the one named).</summary>
    public IReadOnlyList<IProjection> All { get; }

    public bool Includes(IProjection projection) => All.Contains(projection);

    public void Apply(in ProjectionEvent e)
    {
        foreach (var projection in All)
        {
            projection.Apply(e);
        }
    }
}
