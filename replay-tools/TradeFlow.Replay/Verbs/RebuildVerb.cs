using System.CommandLine;
using System.Globalization;
using TradeFlow.Postgres;
using TradeFlow.Postgres.Projections;
using TradeFlow.Projections.Storage;
using TradeFlow.Replay.Cli;
using TradeFlow.Replay.Folding;
using TradeFlow.Replay.Output;
using TradeFlow.Replay.Rebuild;
using TradeFlow.Replay.Stores;

namespace TradeFlow.Replay.Verbs;

/// <summary><c>rebuild --target files|postgres</c>: rebuilds read models with checkpoints as it goes, resumable.</summary>
internal static class RebuildVerb
{
    public static Command Create(ReplayEnvironment environment)
    {
        var store = new StoreOptions();
        var projection = new Option<string?>("--projection") { Description = "Rebuild only this projection (accounting, exposure, settlement)." };
        var target = new Option<string>("--target") { Description = "Where the read models go: files (a directory) or postgres (the projections table of a schema).", Required = true };
        target.AcceptOnlyFromAmong("files", "postgres");
        var output = new Option<DirectoryInfo?>("--out") { Description = "Directory of the projection files (--target files)." };
        var targetConnection = new Option<string?>("--target-postgres") { Description = $"Connection string of the target database (--target postgres; default: the source's, or ${StoreOptions.PostgresVariable})." };
        var targetSchema = new Option<string?>("--target-schema") { Description = "Schema of the target projections table (default: --schema)." };
        var fromScratch = new Option<bool>("--from-scratch") { Description = "Ignore saved checkpoints and fold everything again (default: resume from them)." };
        var saveEvery = new Option<int?>("--save-every") { Description = "Also save state and checkpoint every N events (default: by time only)." };
        var saveSeconds = new Option<int>("--save-seconds") { Description = "Save state and checkpoint when this many seconds have passed since the last save: what an interruption can lose.", DefaultValueFactory = _ => 10 };
        var command = store.AddTo(new Command("rebuild", "Rebuild read models from the event store into files or PostgreSQL, checkpointing as it goes; rerun to resume."));
        foreach (var option in new Option[] { projection, target, output, targetConnection, targetSchema, fromScratch, saveEvery, saveSeconds })
        {
            command.Options.Add(option);
        }

        command.SetAction(result =>
        {
            var selection = store.Store(result);
            var referenceData = store.ReferenceData(result);
            var projections = new ProjectionSet(referenceData, environment, result.GetValue(projection)).All;
            using var opened = ReplayStore.Open(selection);
            using var destination = Target(result.GetValue(target)!, result.GetValue(output), result.GetValue(targetConnection), result.GetValue(targetSchema), selection);
            var results = opened.Read(() => ProjectionRebuild.Run(environment, opened, (IProjectionStore)destination, projections, result.GetValue(fromScratch),
                new SavePolicy(result.GetValue(saveEvery), TimeSpan.FromSeconds(Math.Max(1, result.GetValue(saveSeconds))))));
            Print(environment, results, store.Json(result));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static IDisposable Target(string kind, DirectoryInfo? directory, string? connection, string? schema, StoreSelection source)
    {
        if (kind == "files")
        {
            return directory is null ? throw ReplayException.BadInput("--target files needs --out DIR.") : new FileProjectionStore(directory.FullName);
        }

        connection ??= source.Kind == StoreKind.Postgres ? source.Location : Environment.GetEnvironmentVariable(StoreOptions.PostgresVariable);
        if (string.IsNullOrEmpty(connection))
        {
            throw ReplayException.BadInput($"--target postgres needs --target-postgres CONNSTR (or ${StoreOptions.PostgresVariable}).");
        }

        var options = new PostgresEventStoreOptions(connection) { Schema = schema ?? (source.Kind == StoreKind.Postgres ? source.Schema : PostgresEventStoreOptions.DefaultSchema) };
        try
        {
            return PostgresProjectionStore.OpenAsync(options).GetAwaiter().GetResult();
        }
        catch (Npgsql.NpgsqlException ex)
        {
            throw ReplayException.StoreUnavailable($"cannot reach the target database: {ex.Message}", ex);
        }
    }

    private static void Print(ReplayEnvironment environment, IReadOnlyList<RebuildResult> results, bool json)
    {
        if (json)
        {
            ReplayJson.Write(environment.Output, results);
            return;
        }

        var table = ReportConsole.Table("projection", "start", "from", "to", "state hash");
        foreach (var r in results)
        {
            ReportConsole.Row(table, r.Projection, r.Start, r.From.ToString(CultureInfo.InvariantCulture), r.To.ToString(CultureInfo.InvariantCulture), r.StateHash);
        }

        ReportConsole.For(environment).Write(table);
    }
}
