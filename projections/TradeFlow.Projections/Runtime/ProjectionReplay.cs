using TradeFlow.EventSourcing;

namespace TradeFlow.Projections.Runtime;

/// <summary>
/// Folds a fresh projection over (part of) history for an as-of or bitemporal view, without touching
/// any checkpoint. Read-only: operations and the query handlers use it for "as the bank knew it then".
/// </summary>
public static class ProjectionReplay
{
    /// <summary>Folds the events <paramref name="asOf"/> includes into <paramref name="projection"/>; returns how many were applied.</summary>
    public static long Run(IProjection projection, IEnumerable<ProjectionEvent> events, AsOf asOf)
    {
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentNullException.ThrowIfNull(events);
        long applied = 0;
        foreach (var e in events)
        {
            if (e.Position > asOf.UpTo)
            {
                break;
            }

            if (asOf.Includes(e))
            {
                projection.Apply(e);
                applied++;
            }
        }

        return applied;
    }

    /// <summary>
    /// Folds from the store. Positions are dense and 1-based, so a position cut reads exactly that many
    /// envelopes; a recorded-time cut reads to the head, because a clock is not trusted to be monotonic
    /// across restarts and a late envelope with an earlier recorded time must still count.
    /// </summary>
    public static long Run(IProjection projection, IEventJournal journal, AsOf asOf)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var maxCount = asOf.UpTo.IsEnd ? long.MaxValue : asOf.UpTo.Value;
        return Run(projection, ProjectionEvents.ReadAll(journal, GlobalPosition.Start, maxCount), asOf);
    }
}
