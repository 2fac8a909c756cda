using System.CommandLine;
using System.Text.Json;
using TradeFlow.Domain.Values;
using TradeFlow.Replay.Cli;
using TradeFlow.Replay.Folding;
using TradeFlow.Replay.Output;
using TradeFlow.Replay.Stores;

namespace TradeFlow.Replay.Verbs;

/// <summary><c>replay --as-of TIME | --at-position N</c>: the projections as they stood at that point.</summary>
internal static class ReplayVerb
{
    public static Command Create(ReplayEnvironment environment)
    {
        var store = new StoreOptions();
        var asOf = new Option<string?>("--as-of") { Description = "Recorded time (ISO 8601, UTC unless an offset is given): the state as the bank knew it then." };
        var atPosition = new Option<long?>("--at-position") { Description = "Global position: the state right after that event." };
        var effective = new Option<string?>("--effective") { Description = "Business date (yyyy-MM-dd): only facts effective by the end of that day." };
        var projection = new Option<string?>("--projection") { Description = "Fold only this projection (accounting, exposure, settlement)." };
        var output = new Option<FileInfo?>("--out") { Description = "Write the views as JSON to this file instead of printing them." };
        var command = store.AddTo(new Command("replay", "Fold the projections up to a point in history and print exposure, positions, settlement ladder and trial balance."));
        command.Options.Add(asOf);
        command.Options.Add(atPosition);
        command.Options.Add(effective);
        command.Options.Add(projection);
        command.Options.Add(output);
        command.SetAction(result =>
        {
            var point = Point(result.GetValue(asOf), result.GetValue(atPosition));
            var date = result.GetValue(effective) is { } text
                ? BusinessDate.TryParse(text, out var parsed) ? parsed : throw ReplayException.BadInput($"--effective '{text}' is not a date (yyyy-MM-dd).")
                : (BusinessDate?)null;
            var referenceData = store.ReferenceData(result);
            using var opened = ReplayStore.OpenForForwardRead(store.Store(result));
            point.Validate(opened, environment.Now(), point.Position is null ? "--as-of" : "--at-position");
            var view = PointInTimeReplay.Run(environment, opened, referenceData, PointInTimeReplay.Cut(point, date), result.GetValue(projection));
            Write(environment, view, store.Json(result), result.GetValue(output));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static HistoryPoint Point(string? asOf, long? atPosition) => (asOf, atPosition) switch
    {
        (null, null) => throw ReplayException.BadInput("give --as-of TIME or --at-position N."),
        (not null, not null) => throw ReplayException.BadInput("give --as-of or --at-position, not both."),
        (not null, _) => new HistoryPoint(null, HistoryPoint.ParseTime(asOf, "--as-of")),
        _ => new HistoryPoint(atPosition, null),
    };

    private static void Write(ReplayEnvironment environment, PointInTimeView view, bool json, FileInfo? output)
    {
        if (output is not null)
        {
            File.WriteAllText(output.FullName, JsonSerializer.Serialize(view, ReplayJson.Indented));
            environment.Output.WriteLine($"replay: wrote {view.Projections.Count} projection view(s) at {view.EventsFolded:N0} folded events to {output.FullName}");
        }
        else if (json)
        {
            ReplayJson.Write(environment.Output, view);
        }
        else
        {
            PointInTimePrinter.Print(ReportConsole.For(environment), view);
        }
    }
}
