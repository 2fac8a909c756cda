using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using TradeFlow.ReferenceData;
using TradeFlow.Server.Demo;

namespace TradeFlow.Server.Cli;

/// <summary>
/// <c>tradeflow demo</c>: the newcomer's first run — the server in this process on free loopback ports, on the
/// embedded journal in a fresh data directory, driven over FIX and HTTP as its users would.
/// </summary>
internal static class DemoCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var trades = new Option<int>("--trades") { Description = "Ordinary captures to book (lifecycle commands and refused captures come on top).", DefaultValueFactory = _ => 1_000 };
        trades.Validators.Add(r =>
        {
            if (r.GetValue(trades) is < 1 or > 10_000_000)
            {
                r.AddError("--trades must be between 1 and 10,000,000.");
            }
        });
        var data = new Option<DirectoryInfo?>("--data") { Description = "Data directory (default: a new temporary directory). Must not hold a journal already." };
        var referenceData = new Option<DirectoryInfo?>("--reference-data") { Description = "Reference-data directory (default: the shipped demo set)." };
        var json = new Option<bool>("--json") { Description = "Print the report as one JSON document instead of tables." };
        var command = new Command("demo", "Start the server in-process, book a trading day over FIX, settle it over HTTP, restart, and show what each user sees.")
        {
            trades, data, referenceData, json,
        };
        command.SetAction((result, cancellationToken) =>
            RunAsync(result.GetValue(trades), result.GetValue(data), result.GetValue(referenceData), result.GetValue(json), cancellationToken));
        return command;
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

    private static async Task<int> RunAsync(int trades, DirectoryInfo? data, DirectoryInfo? referenceData, bool json, CancellationToken cancellationToken)
    {
        var dataDirectory = data?.FullName ?? Path.Combine(Path.GetTempPath(), "tradeflow-demo-" + Guid.NewGuid().ToString("N")[..8]);
        if (Directory.Exists(Path.Combine(dataDirectory, "journal")) && Directory.EnumerateFileSystemEntries(Path.Combine(dataDirectory, "journal")).Any())
        {
            Console.Error.WriteLine($"tradeflow demo: {dataDirectory} already holds a journal; the demo needs a fresh data directory.");
            return 2;
        }

        var referenceDirectory = referenceData?.FullName ?? Path.Combine(AppContext.BaseDirectory, "reference-data");
        try
        {
            var settings = new DemoSettings(trades, dataDirectory, referenceDirectory);
            var progress = json ? (Action<string>)(_ => { }) : message => Console.Error.WriteLine(message);
            var report = await new DemoRun(settings, ReferenceDataFiles.Load(referenceDirectory), progress).ExecuteAsync(cancellationToken).ConfigureAwait(false);
            if (json)
            {
                Console.WriteLine(JsonSerializer.Serialize(report, Json));
            }
            else
            {
                DemoReportPrinter.Print(report, ReportConsole());
            }

            return report.Passed ? 0 : 1;
        }
        catch (ReferenceDataFileException ex)
        {
            Console.Error.WriteLine($"tradeflow demo: reference data in {referenceDirectory}: {ex.Message}");
            return 2;
        }
    }
}
