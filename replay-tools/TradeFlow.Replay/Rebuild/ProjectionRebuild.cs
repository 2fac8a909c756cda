using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.InMemory;
using TradeFlow.Projections.Runtime;
using TradeFlow.Projections.Storage;
using TradeFlow.Replay.Cli;
using TradeFlow.Replay.Output;
using TradeFlow.Replay.Stores;

namespace TradeFlow.Replay.Rebuild;

/// <summary>
/// Rebuilds read models into a projection store: each runner starts from what the store saved (so an interrupted
/// rebuild resumes), one read of the event store feeds them all, and state and checkpoint are saved together when the
/// <see cref="SavePolicy"/> says so and at the end. Reads the event store only; writes only the projection store.
/// </summary>
internal static class ProjectionRebuild
{
    private const int ProgressEvery = 10_000;

    public static IReadOnlyList<RebuildResult> Run(ReplayEnvironment environment, ReplayStore store, IProjectionStore target,
        IReadOnlyList<IProjection> projections, bool fromScratch, SavePolicy savePolicy)
    {
        var runners = new List<(ProjectionRunner<IProjection> Runner, ProjectionStart Start, long From)>();
        foreach (var projection in projections)
        {
            var runner = new ProjectionRunner<IProjection>(projection, target);
            var start = runner.StartAsync(environment.CancellationToken).AsTask().GetAwaiter().GetResult();
            if (fromScratch)
            {
                // Rebuild() forgets the state and folds the given log: an empty one leaves the runner at zero while
                // keeping the token of what is saved, so the first save replaces it instead of conflicting.
                using var nothing = new InMemoryEventStore();
                runner.Rebuild(nothing);
            }

            runners.Add((runner, start, runner.Checkpoint.Value));
        }

        var first = runners.Min(r => r.Runner.Checkpoint.Value) + 1;
        var last = store.Head.Value;
        ProgressReporter.Run(environment, "rebuild", progress => store.Read(() =>
        {
            long read = 0;
            var saves = savePolicy.Start();
            foreach (var recorded in store.Journal.ReadAll(GlobalPosition.FromInt64(first), Direction.Forwards, Math.Max(0, last - first + 1)))
            {
                environment.CancellationToken.ThrowIfCancellationRequested();
                Apply(runners, recorded);
                if (saves.IsDue(++read))
                {
                    SaveAll(runners.Select(r => r.Runner), environment.CancellationToken);
                    saves.Saved(read);
                }

                if (read % ProgressEvery == 0)
                {
                    progress(read, last - first + 1);
                }
            }

            return read;
        }));
        SaveAll(runners.Select(r => r.Runner), CancellationToken.None);
        return runners.Select(r => new RebuildResult(r.Runner.Name, r.Start.ToString(), r.From, r.Runner.Checkpoint.Value, r.Runner.StateHash())).ToList();
    }

    // Deserialized once for all the runners (each runner's own Apply(RecordedEvent) would read the payload again); an
    // envelope that is not a trade event still moves every runner's checkpoint past it.
    private static void Apply(List<(ProjectionRunner<IProjection> Runner, ProjectionStart Start, long From)> runners, RecordedEvent recorded)
    {
        if (ProjectionEvents.TryRead(recorded, out var e))
        {
            foreach (var (runner, _, _) in runners)
            {
                runner.Apply(e);
            }
        }
        else
        {
            foreach (var (runner, _, _) in runners)
            {
                runner.Apply(recorded);
            }
        }
    }

    private static void SaveAll(IEnumerable<ProjectionRunner<IProjection>> runners, CancellationToken cancellationToken)
    {
        foreach (var runner in runners)
        {
            runner.SaveAsync(cancellationToken).AsTask().GetAwaiter().GetResult();
        }
    }
}
