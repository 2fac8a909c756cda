using System.CommandLine;
using Microsoft.Extensions.Configuration;
using TradeFlow.Fix.Dictionary;
using TradeFlow.Fix.Settings;
using TradeFlow.Journal;
using TradeFlow.Postgres;
using TradeFlow.ReferenceData;
using TradeFlow.Server.Http;
using TradeFlow.Server.Serve;

namespace TradeFlow.Server.Cli;

/// <summary>
/// <c>tradeflow serve</c>: the engine with its FIX gateway, HTTP API, dashboard and live projections, until
/// Ctrl-C or SIGTERM. Settings come from flags, else configuration (<c>appsettings.json</c> in the working
/// directory, then environment variables such as <c>TRADEFLOW__STORE</c>), else defaults.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var data = new Option<DirectoryInfo?>("--data") { Description = "Data directory: the embedded journal and projection snapshots (config TradeFlow:Data; default ./tradeflow-data)." };
        var fix = new Option<FileInfo?>("--fix-config") { Description = "FIX sessions, QuickFIX .cfg format (config TradeFlow:FixConfig; default: the shipped fix/tradeflow.cfg, port 9878)." };
        var urls = new Option<string?>("--urls") { Description = "HTTP API and dashboard URLs, ';'-separated (config TradeFlow:Urls; default http://127.0.0.1:8080)." };
        var store = new Option<string?>("--store") { Description = "Event store: journal or postgres (config TradeFlow:Store; default journal)." };
        store.AcceptOnlyFromAmong("journal", "postgres");
        var postgres = new Option<string?>("--postgres") { Description = "PostgreSQL connection string for --store postgres (config TradeFlow:Postgres; else TRADEFLOW_PG)." };
        var referenceData = new Option<DirectoryInfo?>("--reference-data") { Description = "Reference-data directory (config TradeFlow:ReferenceData; default: the shipped demo set)." };
        var command = new Command("serve", "Run the engine with its FIX gateway, HTTP API and dashboard until Ctrl-C.")
        {
            data, fix, urls, store, postgres, referenceData,
        };
        command.SetAction((result, cancellationToken) =>
        {
            var configuration = new ConfigurationBuilder()
                .AddJsonFile(Path.Combine(Environment.CurrentDirectory, "appsettings.json"), optional: true)
                .AddEnvironmentVariables()
                .Build();
            var settings = Resolve(configuration, result.GetValue(data)?.FullName, result.GetValue(fix)?.FullName,
                result.GetValue(urls), result.GetValue(store), result.GetValue(postgres), result.GetValue(referenceData)?.FullName);
            return RunAsync(settings, configuration, cancellationToken);
        });
        return command;
    }

    private static ServeSettings Resolve(IConfiguration configuration, string? data, string? fix, string? urls, string? store,
        string? postgres, string? referenceData)
    {
        string? Config(string key) => configuration["TradeFlow:" + key];
        var kind = (store ?? Config("Store") ?? "journal").Equals("postgres", StringComparison.OrdinalIgnoreCase)
            ? StoreKind.Postgres : StoreKind.Journal;
        return new ServeSettings(
            kind,
            Path.GetFullPath(data ?? Config("Data") ?? "tradeflow-data"),
            postgres ?? Config("Postgres") ?? Environment.GetEnvironmentVariable("TRADEFLOW_PG"),
            Path.GetFullPath(referenceData ?? Config("ReferenceData") ?? Path.Combine(AppContext.BaseDirectory, "reference-data")),
            Path.GetFullPath(fix ?? Config("FixConfig") ?? Path.Combine(AppContext.BaseDirectory, "fix", "tradeflow.cfg")),
            (urls ?? Config("Urls") ?? HttpApiOptions.DefaultUrl).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            PostgresSchema = Config("PostgresSchema") ?? PostgresEventStoreOptions.DefaultSchema,
            PostgresJsonColumn = ParseJsonColumn(Config("PostgresJsonColumn")),
            ExpectedTradesFloor = ParseCount(Config("ExpectedTradesFloor"), "ExpectedTradesFloor", ServeSizing.DefaultFloor),
            ExpectedTradesCeiling = ParseCount(Config("ExpectedTradesCeiling"), "ExpectedTradesCeiling", ServeSizing.DefaultCeiling),
        };
    }

    // TradeFlow:ExpectedTradesFloor / Ceiling: a count of trades, 0 or more; anything else stops the start with the key named.
    private static int ParseCount(string? value, string key, int fallback) =>
        value is null ? fallback
        : int.TryParse(value.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) ? count
        : throw new InvalidOperationException($"TradeFlow:{key} is '{value}': use a whole number of trades.");

    // TradeFlow:PostgresJsonColumn = inline (default) | deferred | none; anything else stops the start with the key named.
    private static JsonColumn ParseJsonColumn(string? value) =>
        value is null ? JsonColumn.Inline
        : Enum.GetNames<JsonColumn>().FirstOrDefault(name => name.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase)) is { } name ? Enum.Parse<JsonColumn>(name)
        : throw new InvalidOperationException($"TradeFlow:PostgresJsonColumn is '{value}': use inline, deferred or none.");

    private static async Task<int> RunAsync(ServeSettings settings, IConfiguration configuration, CancellationToken cancellationToken)
    {
        try
        {
            var referenceData = ReferenceDataFiles.Load(settings.ReferenceDataDirectory);
            var host = await ServeHost.StartAsync(settings, referenceData, configuration, cancellationToken).ConfigureAwait(false);
            await using (host.ConfigureAwait(false))
            {
                foreach (var endpoint in host.Acceptor.Endpoints)
                {
                    Console.WriteLine($"FIX acceptor listening on {endpoint}");
                }

                Console.WriteLine($"HTTP API and dashboard on {string.Join(", ", host.HttpUrls)}");
                if (host.JournalRecovery is { } recovery)
                {
                    Console.WriteLine($"Journal opened: {recovery}");
                }

                Console.WriteLine($"Ready: {Describe(settings)}, {host.RecoveredBookings} FIX client ids recovered, sized for {host.ExpectedTrades} trades"
                    + (host.ExpectedStreams > 0 ? $" and {host.ExpectedStreams} journal streams" : "") + ". Ctrl-C stops.");
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, host.Stopping);
                await WaitForShutdown(stop.Token).ConfigureAwait(false);
                Console.WriteLine("Stopping: no new sessions or requests, FIX sessions logged out, the engine drained.");
            }

            return 0;
        }
        catch (Exception ex) when (ex is ReferenceDataFileException)
        {
            Console.Error.WriteLine($"tradeflow serve: reference data in {settings.ReferenceDataDirectory}: {ex.Message}");
            return 2;
        }
        catch (Exception ex) when (ex is SettingsFormatException or DataDictionaryException or InvalidOperationException)
        {
            Console.Error.WriteLine($"tradeflow serve: {ex.Message}");
            return 2;
        }
        catch (Exception ex) when (ex is JournalLockedException or JournalCorruptException)
        {
            Console.Error.WriteLine($"tradeflow serve: {ex.Message}");
            return 3;
        }
    }

    private static string Describe(ServeSettings settings) => settings.Store == StoreKind.Postgres
        ? $"PostgreSQL event store, schema {settings.PostgresSchema}"
        : $"embedded journal in {settings.DataDirectory}";

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
