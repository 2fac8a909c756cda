using TradeFlow.Domain.ReferenceData;
using TradeFlow.Projections.Exposure;
using TradeFlow.Replay.Cli;
using TradeFlow.Replay.Folding;
using TradeFlow.Replay.Stores;

namespace TradeFlow.Replay.Diff;

/// <summary>Folds exposure at both points in one read (two instances, each with its own cut) and compares them.</summary>
internal static class DiffRun
{
    public static HistoryDiff Run(ReplayEnvironment environment, ReplayStore store, ReferenceDataSet referenceData, HistoryPoint from, HistoryPoint to)
    {
        var (cutA, cutB) = (PointInTimeReplay.Cut(from, null), PointInTimeReplay.Cut(to, null));
        var (a, b) = (new ExposureProjection(referenceData), new ExposureProjection(referenceData));
        var byType = new SortedDictionary<string, long>(StringComparer.Ordinal);
        long events = 0;
        HistoryFeed.Run(environment, store, "diff", cutB.UpTo.IsEnd ? long.MaxValue : cutB.UpTo.Value, e =>
        {
            var inA = cutA.Includes(e);
            if (inA)
            {
                a.Apply(e);
            }

            if (cutB.Includes(e))
            {
                b.Apply(e);
                if (!inA)
                {
                    events++;
                    var name = e.Event.GetType().Name;
                    byType[name] = byType.GetValueOrDefault(name) + 1;
                }
            }
        });
        return new HistoryDiff
        {
            From = from.ToString(),
            To = to.ToString(),
            Events = events,
            ByType = byType,
            Exposure = Join(Exposure(a), Exposure(b)),
            Pnl = Join(Pnl(a), Pnl(b)),
        };
    }

    private static Dictionary<(string, string), decimal> Exposure(ExposureProjection p) =>
        p.CounterpartyExposures().ToDictionary(x => (x.Counterparty.ToString(), x.Currency.ToString()), x => x.Utilised);

    private static Dictionary<(string, string), decimal> Pnl(ExposureProjection p) =>
        p.Positions().GroupBy(x => (x.Book.ToString(), x.Currency.ToString()))
            .ToDictionary(g => g.Key, g => g.Sum(x => x.RealisedPnl + (x.UnrealisedPnl ?? 0m)));

    private static List<DeltaRow> Join(Dictionary<(string, string), decimal> from, Dictionary<(string, string), decimal> to) =>
        from.Keys.Union(to.Keys).Order()
            .Select(k => new DeltaRow(k.Item1, k.Item2, from.GetValueOrDefault(k), to.GetValueOrDefault(k)))
            .ToList();
}
