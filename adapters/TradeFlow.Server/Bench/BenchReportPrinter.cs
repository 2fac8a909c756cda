using System.Globalization;
using Spectre.Console;

namespace TradeFlow.Server.Bench;

/// <summary>Prints a bench report as two tables: the run's counts and throughput, then its latencies.</summary>
internal static class BenchReportPrinter
{
    /// <summary>Writes <paramref name="report"/> to <paramref name="console"/>.</summary>
    public static void Print(BenchReport report, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(console);
        console.Write(new Rule("[bold]tradeflow bench e2e[/]").LeftJustified());
        var run = new Table { Title = new TableTitle("Run"), Border = TableBorder.Rounded }.AddColumn("").AddColumn("value");
        run.AddRow("server", Markup.Escape(report.Server));
        run.AddRow("sessions", N(report.Sessions));
        run.AddRow("offered rate (orders/s, open loop)", N(report.OfferedRate));
        run.AddRow("orders measured (after warm-up)", $"{N(report.Trades)} (warm-up {N(report.Warmup)})");
        run.AddRow("booked (39=2, journaled durably)", N(report.Booked));
        run.AddRow("rejected (39=8)", N(report.Rejected));
        run.AddRow("unanswered", N(report.Unanswered));
        run.AddRow("session / business rejects", N(report.SessionRejects));
        run.AddRow("elapsed (first send → last answer)", $"{report.ElapsedSeconds.ToString("0.000", CultureInfo.InvariantCulture)} s");
        run.AddRow("[bold]booked/s[/]", $"[bold]{N((long)report.BookedPerSecond)}[/]");
        console.Write(run);

        var latency = new Table { Title = new TableTitle("Latency (µs)"), Border = TableBorder.Rounded }
            .AddColumn("").AddColumn("p50").AddColumn("p90").AddColumn("p99").AddColumn("p99.9").AddColumn("max");
        AddLatency(latency, "send → final ExecutionReport", report.AckLatencyMicroseconds);
        AddLatency(latency, "send lag behind schedule", report.SendLagMicroseconds);
        console.Write(latency);
        foreach (var text in report.RejectTexts)
        {
            console.MarkupLine($"[red]rejected:[/] {Markup.Escape(text)}");
        }
    }

    private static void AddLatency(Table table, string name, BenchLatency l) =>
        table.AddRow(name, F(l.P50), F(l.P90), F(l.P99), F(l.P999), F(l.Max));

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
