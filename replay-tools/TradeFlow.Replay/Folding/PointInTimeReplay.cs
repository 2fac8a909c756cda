using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Values;
using TradeFlow.EventSourcing;
using TradeFlow.Projections.Runtime;
using TradeFlow.Replay.Cli;
using TradeFlow.Replay.Stores;

namespace TradeFlow.Replay.Folding;

/// <summary>Folds fresh projections up to a cut (position, recorded time, effective date) and captures their views.</summary>
internal static class PointInTimeReplay
{
    public static PointInTimeView Run(ReplayEnvironment environment, ReplayStore store, ReferenceDataSet referenceData, AsOf asOf, string? projection)
    {
        // The accounting journal goes to a temporary file, not memory: the printed views never show it, the state hash
        // needs its bytes once at the end, and it is the one part of the state that grows with every event.
        using var spill = JournalSpillFile.Create();
        var projections = new ProjectionSet(referenceData, environment, projection, spill);
        long folded = 0;
        var read = HistoryFeed.Run(environment, store, "replay", asOf.UpTo.IsEnd ? long.MaxValue : asOf.UpTo.Value, e =>
        {
            if (asOf.Includes(e))
            {
                projections.Apply(e);
                folded++;
            }
        });
        var hashes = StateHashes.Of(projections.All);
        var day = BusinessDate.FromUtc(asOf.EffectiveAt ?? asOf.KnownAt ?? environment.Now());
        return new PointInTimeView
        {
            Store = store.Selection.Describe(),
            AtPosition = asOf.UpTo.IsEnd ? null : asOf.UpTo.Value,
            KnownAt = asOf.KnownAt,
            EffectiveAt = asOf.EffectiveAt,
            EventsRead = read,
            EventsFolded = folded,
            Projections = projections.All.Select((p, i) => new ProjectionHash(p.Name, p.Version, hashes[i])).ToList(),
            CounterpartyExposure = projections.Includes(projections.Exposure) ? projections.Exposure.CounterpartyExposures() : null,
            Positions = projections.Includes(projections.Exposure) ? projections.Exposure.Positions() : null,
            Ladder = projections.Includes(projections.Settlement) ? projections.Settlement.Ladder(day, 10) : null,
            TrialBalance = projections.Includes(projections.Accounting) ? projections.Accounting.TrialBalance() : null,
        };
    }

    /// <summary>The cut the options name.</summary>
    public static AsOf Cut(HistoryPoint point, BusinessDate? effective)
    {
        var asOf = point.Position is { } position ? AsOf.AtPosition(GlobalPosition.FromInt64(position)) : AsOf.AsKnownAt(point.Time!.Value);
        return effective is { } date ? asOf.EffectiveOn(date) : asOf;
    }
}
