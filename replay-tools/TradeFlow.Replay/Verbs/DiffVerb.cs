using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TradeFlow.Replay.Cli;
using TradeFlow.Replay.Diff;
using TradeFlow.Replay.Folding;
using TradeFlow.Replay.Output;
using TradeFlow.Replay.Stores;

namespace TradeFlow.Replay.Verbs;

/// <summary><c>diff --from A --to B</c>: what changed between two points in history.</summary>
internal static class DiffVerb
{
    public static Command Create(ReplayEnvironment environment)
    {
        var store = new StoreOptions();
        var from = new Option<string>("--from") { Description = "First point: a global position or a recorded time (ISO 8601).", Required = true };
        var to = new Option<string>("--to") { Description = "Second point: a global position or a recorded time (ISO 8601).", Required = true };
        var command = store.AddTo(new Command("diff", "What changed between two points: trades booked, amended, cancelled, settled; exposure and P&L deltas by counterparty and book."));
        command.Options.Add(from);
        command.Options.Add(to);
        command.SetAction(result =>
        {
            var a = HistoryPoint.Parse(result.GetValue(from)!, "--from");
            var b = HistoryPoint.Parse(result.GetValue(to)!, "--to");
            var referenceData = store.ReferenceData(result);
            using var opened = ReplayStore.OpenForForwardRead(store.Store(result));
            a.Validate(opened, environment.Now(), "--from");
            b.Validate(opened, environment.Now(), "--to");
            if ((a.Position, b.Position) is ({ } pa, { } pb) && pa >= pb || (a.Time, b.Time) is ({ } ta, { } tb) && ta >= tb)
            {
                throw ReplayException.BadInput("--from must come before --to.");
            }

            var diff = DiffRun.Run(environment, opened, referenceData, a, b);
            if (store.Json(result))
            {
                ReplayJson.Write(environment.Output, diff);
            }
            else
            {
                Print(environment, diff);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Print(ReplayEnvironment environment, HistoryDiff diff)
    {
        var console = ReportConsole.For(environment);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"diff: from {diff.From} to {diff.To}: {diff.Events:N0} events"));
        var types = ReportConsole.Table("event", "count");
        foreach (var (type, count) in diff.ByType)
        {
            ReportConsole.Row(types, type, count.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(types.Title("lifecycle"));
        console.Write(Deltas("counterparty exposure (utilised)", "counterparty", diff.Exposure));
        console.Write(Deltas("P&L by book (realised + unrealised)", "book", diff.Pnl));
    }

    private static Table Deltas(string title, string key, IReadOnlyList<DeltaRow> rows)
    {
        var table = ReportConsole.Table(key, "ccy", "from", "to", "delta");
        foreach (var r in rows)
        {
            ReportConsole.Row(table, r.Key, r.Currency, r.From.ToString("N2", CultureInfo.InvariantCulture), r.To.ToString("N2", CultureInfo.InvariantCulture), r.Delta.ToString("+#,0.00;-#,0.00;0.00", CultureInfo.InvariantCulture));
        }

        return table.Title(title);
    }
}
