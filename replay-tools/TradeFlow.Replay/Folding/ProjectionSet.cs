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
    public ProjectionSet(ReferenceDataSet referenceData, ReplayEnvironment environment, string? only = null)
    {
        Accounting = new AccountingProjection(referenceData);
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
