using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using TradeFlow.ReferenceData;
using TradeFlow.Server.Bench;

namespace TradeFlow.Server.Cli;

/// <summary>
/// <c>tradeflow bench e2e</c>: TradeFlow's own end-to-end load generator over FIX, against a server it starts
/// in-process or a running <c>tradeflow serve</c> (<c>--target</c>).
/// </summary>
internal static class BenchCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The <c>bench</c> command and its <c>e2e</c> verb.</summary>
    public static Command Create() => new("bench", "Measure TradeFlow end to end.") { CreateE2e() };

    private static Command CreateE2e()
    {
        var sessions = Bounded(new Option<int>("--sessions") { Description = "FIX initiator sessions BENCH1..BENCHS.", DefaultValueFactory = _ => 1 }, 1, 64);
        var rate = Bounded(new Option<int>("--rate") { Description = "Offered NewOrderSingles per second over all sessions (open loop).", DefaultValueFactory = _ => 1_000 }, 1, 1_000_000);
        var trades = Bounded(new Option<int>("--trades") { Description = "NewOrderSingles measured, over all sessions (a fresh server takes about 250,000 before a credit limit).", DefaultValueFactory = _ => 10_000 }, 1, 10_000_000);
        var warmup = Bounded(new Option<int>("--warmup") { Description = "NewOrderSingles sent at the same rate and answered before the measured ones (JIT, caches), not measured.", DefaultValueFactory = _ => 0 }, 0, 10_000_000);
        var target = new Option<string?>("--target") { Description = "A running tradeflow serve's FIX acceptor, host:port; it must accept TRADEFLOW <- BENCH1..BENCHS. Default: start one in-process." };
        var referenceData = new Option<DirectoryInfo?>("--reference-data") { Description = "Reference data of the in-process server (default: the shipped demo set, which the orders are written for)." };
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON document instead of tables." };
        var command = new Command("e2e", "Offer NewOrderSingles over FIX at a fixed rate and measure trades/s booked durably and send-to-final-ExecutionReport latency.")
        {
            sessions, rate, trades, warmup, target, referenceData, json,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            new BenchSettings(result.GetValue(sessions), result.GetValue(rate), result.GetValue(trades), result.GetValue(warmup), result.GetValue(target),
                result.GetValue(referenceData)?.FullName ?? Path.Combine(AppContext.BaseDirectory, "reference-data")),
            result.GetValue(json), cancellationToken));
        return command;
    }

    private static Option<int> Bounded(Option<int> option, int min, int max)
    {
        option.Validators.Add(r =>
        {
            if (r.GetValue(option) < min || r.GetValue(option) > max)
            {
                r.AddError($"{option.Name} must be between {min:N0} and {max:N0}.");
            }
        });
        return option;
    }

    private static async Task<int> RunAsync(BenchSettings settings, bool json, CancellationToken cancellationToken)
    {
        // The in-process server logs to the console like serve does; stdout is kept for the report (and the JSON).
        var stdout = Console.Out;
        Console.SetOut(Console.Error);
        BenchReport report;
        try
        {
            report = await BenchRun.ExecuteAsync(settings, message => Console.Error.WriteLine(message), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ReferenceDataFileException or FormatException or TimeoutException)
        {
            Console.Error.WriteLine($"tradeflow bench e2e: {ex.Message}");
            return 2;
        }
        finally
        {
            Console.SetOut(stdout);
        }

        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(report, Json));
        }
        else
        {
            BenchReportPrinter.Print(report, ReportConsole());
        }

        return report.Passed ? 0 : 1;
    }

    // A terminal gets colour at its own width; a file or pipe gets plain text wide enough for the tables.
    private static IAnsiConsole ReportConsole()
    {
        if (!Console.IsOutputRedirected)
        {
            return AnsiConsole.Console;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 160;
        return console;
    }
}
