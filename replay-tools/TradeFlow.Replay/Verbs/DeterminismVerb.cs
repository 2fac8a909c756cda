using System.CommandLine;
using System.Globalization;
using TradeFlow.Postgres;
using TradeFlow.Postgres.Projections;
using TradeFlow.Projections.Storage;
using TradeFlow.Replay.Cli;
using TradeFlow.Replay.Determinism;
using TradeFlow.Replay.Folding;
using TradeFlow.Replay.Output;
using TradeFlow.Replay.Stores;

namespace TradeFlow.Replay.Verbs;

/// <summary><c>determinism</c>: replays twice (and against saved live states) and names the first diverging position.</summary>
internal static class DeterminismVerb
{
    public static Command Create(ReplayEnvironment environment)
    {
        var store = new StoreOptions();
        var projection = new Option<string?>("--projection") { Description = "Check only this projection." };
        var checkEvery = new Option<long>("--check-every") { Description = "Compare state hashes every N events (0: about 32 checks over the history).", DefaultValueFactory = _ => 0 };
        var againstFiles = new Option<DirectoryInfo?>("--against-files") { Description = "Also compare with the live projection states saved in this directory, at their checkpoints." };
        var againstPostgres = new Option<bool>("--against-postgres") { Description = "Also compare with the live projection states saved in the PostgreSQL store's projections table." };
        var command = store.AddTo(new Command("determinism", "Replay the history twice (and against saved live checkpoints), compare state hashes, and name the projection and first position where they diverge."));
        command.Options.Add(projection);
        command.Options.Add(checkEvery);
        command.Options.Add(againstFiles);
        command.Options.Add(againstPostgres);
        command.SetAction(result =>
        {
            var selection = store.Store(result);
            var referenceData = store.ReferenceData(result);
            using var opened = ReplayStore.Open(selection);
            var names = new ProjectionSet(referenceData, environment, result.GetValue(projection)).All.Select(p => p.Name).ToList();
            var (saved, from) = Saved(result.GetValue(againstFiles), result.GetValue(againstPostgres), selection, names);
            var every = result.GetValue(checkEvery) is > 0 and var n ? n : Math.Max(1, opened.Head.Value / 32);
            var (events, divergences) = new DeterminismCheck(environment, opened, referenceData, result.GetValue(projection)).Run(every, saved, from);
            Print(environment, store.Json(result), names, events, saved.Count, divergences);
            return divergences.Count == 0 ? ExitCodes.Ok : ExitCodes.ProblemsFound;
        });
        return command;
    }

    private static (IReadOnlyList<ProjectionSnapshot> Saved, string From) Saved(DirectoryInfo? files, bool postgres, StoreSelection selection, List<string> names)
    {
        if (files is not null)
        {
            using var store = new FileProjectionStore(files.FullName);
            return (Load(store, names), "saved files in " + files.FullName);
        }

        if (!postgres)
        {
            return ([], string.Empty);
        }

        if (selection.Kind != StoreKind.Postgres)
        {
            throw ReplayException.BadInput("--against-postgres needs a PostgreSQL store (--postgres or TRADEFLOW_PG).");
        }

        using var projections = PostgresProjectionStore.OpenAsync(new PostgresEventStoreOptions(selection.Location) { Schema = selection.Schema, ApplyMigrations = false }).GetAwaiter().GetResult();
        return (Load(projections, names), "saved live state in schema " + selection.Schema);
    }

    private static List<ProjectionSnapshot> Load(IProjectionStore store, List<string> names) =>
        names.Select(n => store.LoadAsync(n).AsTask().GetAwaiter().GetResult()).OfType<ProjectionSnapshot>().Where(s => s.Checkpoint.Value > 0).ToList();

    private static void Print(ReplayEnvironment environment, bool json, List<string> names, long events, int saved, IReadOnlyList<Divergence> divergences)
    {
        if (json)
        {
            ReplayJson.Write(environment.Output, new { projections = names, events, savedStatesCompared = saved, deterministic = divergences.Count == 0, divergences });
            return;
        }

        foreach (var d in divergences)
        {
            environment.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"DIVERGED: {d.Projection} first differs after position {d.Position} ({d.Against}): {d.Expected} vs {d.Actual}"));
        }

        environment.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(divergences.Count == 0 ? "DETERMINISTIC" : "NOT DETERMINISTIC")}: {string.Join(", ", names)} replayed twice over {events:N0} events{(saved > 0 ? $", compared with {saved} saved live state(s)" : string.Empty)}; {divergences.Count} divergence(s)"));
    }
}
