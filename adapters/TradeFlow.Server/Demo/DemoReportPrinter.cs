using System.Globalization;
using Spectre.Console;

namespace TradeFlow.Server.Demo;

/// <summary>Prints the demo report as tables, one per user of TradeFlow.</summary>
internal static class DemoReportPrinter
{
    public static void Print(DemoReport report, IAnsiConsole console)
    {
        var run = report.Run;
        console.Write(new Rule("[bold]TradeFlow demo[/]").LeftJustified());
        console.Write(Table("Run", ["", "value"],
            ["captures requested", N(run.CapturesRequested)],
            ["commands submitted", N(run.CommandsSubmitted)],
            ["accepted", N(run.Accepted)],
            ["rejected (journaled with reasons)", N(run.Rejected)],
            ["failed (never acked)", N(run.Failed)],
            ["FIX session-level rejects", N(run.SessionRejects)],
            ["warnings (soft limit, wash trade, missing mark)", N(run.Warnings)],
            ["events journaled", N(run.EventsJournaled)],
            ["durable commits (group commit, fsync each)", N(run.JournalCommits)],
            ["captures/s over FIX (durable, pipelined)", N((long)run.CapturesPerSecond)],
            ["elapsed", $"{run.ElapsedSeconds.ToString(CultureInfo.InvariantCulture)} s"],
            ["journal", Markup.Escape(Path.Combine(run.DataDirectory, "journal"))]));

        var latency = report.CaptureAckLatency;
        console.Write(Table("FIX capture ack latency, AE sent → AR received (µs)", ["samples", "p50", "p90", "p99", "p99.9", "max"],
            [N(latency.Samples), F(latency.P50), F(latency.P90), F(latency.P99), F(latency.P999), F(latency.Max)]));

        console.Write(Table("Commands by kind", ["command", "count"], [.. report.CommandsByKind.Select(c => new[] { c.Name, N(c.Count) })]));
        console.Write(Table("Commands by channel", ["sent over", "count"], [.. report.CommandsByChannel.Select(c => new[] { Channel(c.Name), N(c.Count) })]));
        if (report.RejectionsByCode.Count > 0)
        {
            console.Write(Table("Rejection reasons", ["code", "count"], [.. report.RejectionsByCode.Select(c => new[] { c.Name, N(c.Count) })]));
        }

        console.Write(Table("Captures that must be refused", ["expected", "answer", "reasons"],
            [.. report.Refusals.Select(r => new[] { r.Expectation, r.Status, Markup.Escape(string.Join("\n", r.Reasons)) })]));

        PrintViews(report.Views, console);

        var restart = report.Restart;
        console.Write(Table("Restart", ["", "value"],
            ["events replayed", N(restart.RecoveredEvents)],
            ["recovery time", $"{F(restart.RecoveryMilliseconds)} ms"],
            ["state hash before / after", $"{restart.StateHashBefore[..16]}… / {restart.StateHashAfter[..16]}…"]));

        console.Write(Table("Checks", ["check", "result", "detail"],
            [.. report.Checks.Select(c => new[] { c.Name, c.Passed ? "[green]pass[/]" : "[red]FAIL[/]", Markup.Escape(c.Detail) })]));
    }

    private static void PrintViews(DemoUserViews views, IAnsiConsole console)
    {
        console.Write(Table($"Risk: counterparty exposure vs credit limits (server projections at event {N(views.EventsFolded)}, caught up after {F(views.FoldMilliseconds)} ms)",
            ["counterparty", "ccy", "settlement risk", "net FX MTM", "utilised", "hard limit", "utilisation", "headroom", "breach"],
            [.. views.CounterpartyExposure.Select(e => new[]
            {
                Markup.Escape(e.Counterparty), e.Currency, M(e.SettlementRisk), M(e.NetMtm), M(e.Utilised), M(e.HardLimit),
                Bar(e.UtilisationPercent), M(e.Headroom), e.Breach == "None" ? "-" : $"[red]{e.Breach}[/]",
            })]));
        console.Write(Table("Risk: open positions by book × instrument", ["book", "instrument", "ccy", "quantity", "avg cost", "market value", "unrealised P&L", "realised P&L"],
            [.. views.Positions.Select(p => new[]
            {
                p.Book, p.Instrument, p.Currency, M(p.Quantity), p.AverageCost is { } c ? c.ToString("0.######", CultureInfo.InvariantCulture) : "-",
                p.MarketValue is { } v ? M(v) : "-", p.UnrealisedPnl is { } u ? M(u) : "-", M(p.RealisedPnl),
            })]));
        console.Write(Table($"Back office: settlement ladder (next 10 business days; {views.OpenFails} open fails)", ["value date", "ccy", "receive", "pay", "net"],
            [.. views.SettlementLadder.Select(r => new[] { r.Date, r.Currency, M(r.Receive), M(r.Pay), M(r.Net) })]));
        console.Write(Table("Back office: trial balance (debits + credits = 0 per currency)", ["ccy", "debits", "credits", "net"],
            [.. views.TrialBalance.Select(t => new[] { t.Currency, M(t.Debits), M(t.Credits), t.Net == 0m ? "[green]0.00[/]" : $"[red]{M(t.Net)}[/]" })]));
    }

    private static string Channel(string name) => name switch
    {
        DemoTally.Fix => "FIX: CLIENT1, CLIENT2 → TRADEFLOW (AE new/replace/cancel, J)",
        DemoTally.Http => "HTTP API, back-office key (settlement statuses)",
        DemoTally.Engine => "engine in-process (confirm, partial termination: no FIX or HTTP command yet)",
        _ => Markup.Escape(name),
    };

    private static string Bar(decimal percent)
    {
        var filled = (int)Math.Clamp(Math.Round(percent / 10m), 0m, 10m);
        var colour = percent >= 100m ? "red" : percent >= 80m ? "yellow" : "green";
        return $"[{colour}]{new string('█', filled)}{new string('·', 10 - filled)}[/] {percent.ToString("0.00", CultureInfo.InvariantCulture)}%";
    }

    private static string M(decimal amount) => amount.ToString("#,##0.00;-#,##0.00", CultureInfo.InvariantCulture);

    private static Table Table(string title, string[] columns, params string[][] rows)
    {
        var table = new Table { Title = new TableTitle(title), Border = TableBorder.Rounded };
        foreach (var column in columns)
        {
            table.AddColumn(column);
        }

        foreach (var row in rows)
        {
            table.AddRow(row);
        }

        return table;
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
