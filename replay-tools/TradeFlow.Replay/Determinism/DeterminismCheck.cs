using TradeFlow.Domain.ReferenceData;
using TradeFlow.Projections.Runtime;
using TradeFlow.Projections.Storage;
using TradeFlow.Replay.Cli;
using TradeFlow.Replay.Folding;
using TradeFlow.Replay.Stores;

namespace TradeFlow.Replay.Determinism;

/// <summary>
/// Replays the history into two fresh sets of projections in lockstep (one read, each event applied to both) and
/// compares their state hashes every <c>checkEvery</c> events and at the end; where they differ, it bisects by folding
/// two fresh sets again to the last equal check and comparing after every event, to name the first diverging position.
/// Optionally also compares with saved live states: when the replay reaches a saved checkpoint, the hashes must match.
/// </summary>
internal sealed class DeterminismCheck(ReplayEnvironment environment, ReplayStore store, ReferenceDataSet referenceData, string? only)
{
    public (long Events, IReadOnlyList<Divergence> Divergences) Run(long checkEvery, IReadOnlyList<ProjectionSnapshot> saved, string savedFrom)
    {
        var first = Create();
        var second = Create();
        var divergences = new List<Divergence>();
        var lastEqual = new Dictionary<string, long>(StringComparer.Ordinal);
        var diverged = new HashSet<string>(StringComparer.Ordinal);
        var pending = saved.ToDictionary(s => s.Name, StringComparer.Ordinal);
        long read = 0;
        long position = 0;
        HistoryFeed.Run(environment, store, "determinism", long.MaxValue, e =>
        {
            position = e.Position.Value;
            for (var i = 0; i < first.Count; i++)
            {
                first[i].Apply(e);
                second[i].Apply(e);
            }

            if (++read % checkEvery == 0)
            {
                Compare(first, second, position, lastEqual, diverged);
            }

            CompareSaved(first, position, pending, savedFrom, divergences);
        });
        Compare(first, second, position, lastEqual, diverged);
        divergences.AddRange(diverged.Order(StringComparer.Ordinal).Select(name => Bisect(name, lastEqual.GetValueOrDefault(name))));
        divergences.AddRange(pending.Values.Select(s => new Divergence(s.Name, s.Checkpoint.Value, savedFrom, s.StateHash, "(the saved checkpoint is beyond the store's head)")));
        return (read, divergences);
    }

    private List<IProjection> Create() => [.. new ProjectionSet(referenceData, environment, only).All];

    private static void Compare(List<IProjection> first, List<IProjection> second, long position, Dictionary<string, long> lastEqual, HashSet<string> diverged)
    {
        for (var i = 0; i < first.Count; i++)
        {
            var name = first[i].Name;
            if (diverged.Contains(name))
            {
                continue;
            }

            if (StateHash.Of(first[i]) == StateHash.Of(second[i]))
            {
                lastEqual[name] = position;
            }
            else
            {
                diverged.Add(name);
            }
        }
    }

    private static void CompareSaved(List<IProjection> replayed, long position, Dictionary<string, ProjectionSnapshot> pending, string savedFrom, List<Divergence> divergences)
    {
        foreach (var projection in replayed)
        {
            if (pending.TryGetValue(projection.Name, out var snapshot) && snapshot.Checkpoint.Value == position)
            {
                pending.Remove(projection.Name);
                var hash = StateHash.Of(projection);
                if (hash != snapshot.StateHash)
                {
                    divergences.Add(new Divergence(projection.Name, position, savedFrom, snapshot.StateHash, hash));
                }
            }
        }
    }

    // Folds two fresh instances to the last position where they agreed, then compares after every event.
    private Divergence Bisect(string name, long agreedUpTo)
    {
        var a = Create().Single(p => p.Name == name);
        var b = Create().Single(p => p.Name == name);
        Divergence? found = null;
        HistoryFeed.Run(environment, store, "bisect " + name, long.MaxValue, e =>
        {
            if (found is not null)
            {
                return;
            }

            a.Apply(e);
            b.Apply(e);
            if (e.Position.Value > agreedUpTo && StateHash.Of(a) is var left && StateHash.Of(b) is var right && left != right)
            {
                found = new Divergence(name, e.Position.Value, "replay", left, right);
            }
        });
        return found ?? new Divergence(name, agreedUpTo + 1, "replay (did not reproduce on a second pair of folds)", string.Empty, string.Empty);
    }
}
