using System.CommandLine;
using Microsoft.Extensions.Logging;
using TradeFlow.Fix.Settings;
using TradeFlow.Journal;
using TradeFlow.ReferenceData;
using TradeFlow.Server.Serve;

namespace TradeFlow.Server.Cli;

/// <summary><c>tradeflow serve</c>: the engine on the embedded journal, taking trades over FIX until stopped.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "Data directory of the embedded journal (created when missing).", DefaultValueFactory = _ => new DirectoryInfo("tradeflow-data") };
        var referenceData = new Option<DirectoryInfo?>("--reference-data") { Description = "Reference-data directory (default: the shipped demo set)." };
        var fix = new Option<FileInfo?>("--fix") { Description = "FIX session settings, QuickFIX .cfg format (default: the shipped fix/tradeflow.cfg, port 9878)." };
        var command = new Command("serve", "Run the engine on the embedded journal and accept trades over FIX 4.4 until Ctrl-C.")
        {
            data, referenceData, fix,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            new ServeSettings(result.GetValue(data)!.FullName,
                result.GetValue(referenceData)?.FullName ?? Path.Combine(AppContext.BaseDirectory, "reference-data"),
                result.GetValue(fix)?.FullName ?? Path.Combine(AppContext.BaseDirectory, "fix", "tradeflow.cfg")),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ServeSettings settings, CancellationToken cancellationToken)
    {
        using var loggerFactory = LoggerFactory.Create(logging => logging
            .AddSimpleConsole(console => { console.SingleLine = true; console.TimestampFormat = "HH:mm:ss.fff "; })
            .SetMinimumLevel(LogLevel.Information));
        try
        {
            var referenceData = ReferenceDataFiles.Load(settings.ReferenceDataDirectory);
            var host = await ServeHost.StartAsync(settings, referenceData, loggerFactory, cancellationToken).ConfigureAwait(false);
            await using var stopsHost = host.ConfigureAwait(false);
            foreach (var endpoint in host.Acceptor.Endpoints)
            {
                Console.WriteLine($"FIX acceptor listening on {endpoint}");
            }

            Console.WriteLine($"Ready: journal {settings.DataDirectory}, {host.RecoveredBookings} client ids recovered. Ctrl-C stops.");
            await WaitForShutdown(cancellationToken).ConfigureAwait(false);
            Console.WriteLine("Stopping: logging sessions out, draining the engine.");
            return 0;
        }
        catch (ReferenceDataFileException ex)
        {
            Console.Error.WriteLine($"tradeflow serve: reference data in {settings.ReferenceDataDirectory}: {ex.Message}");
            return 2;
        }
        catch (SettingsFormatException ex)
        {
            Console.Error.WriteLine($"tradeflow serve: {ex.Message}");
            return 2;
        }
        catch (JournalLockedException ex)
        {
            Console.Error.WriteLine($"tradeflow serve: {ex.Message}");
            return 3;
        }
        catch (JournalCorruptException ex)
        {
            Console.Error.WriteLine($"tradeflow serve: {ex.Message}");
            return 3;
        }
    }

    // System.CommandLine cancels the token on Ctrl-C and SIGTERM.
    private static async Task WaitForShutdown(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
