using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using TradeFlow.Server.Http.Security;
using TradeFlow.Server.Tests.Support;

namespace TradeFlow.Server.Tests;

/// <summary>
/// <c>tradeflow serve</c> run as an operator runs it: the built executable, configured by flags and environment
/// variables, stopped by SIGTERM, started again over the same data directory.
/// </summary>
public sealed class ServeCommandTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "tf-serve-test-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string _apiKey = ApiKeyHasher.NewKey();
    private readonly Dictionary<string, string> _environment = [];

    public ServeCommandTests()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "fix.cfg"), $"""
            [DEFAULT]
            ConnectionType=acceptor
            SocketAcceptHost=127.0.0.1
            SocketAcceptPort=0
            BeginString=FIX.4.4
            SenderCompID=TRADEFLOW
            FileStorePath={Path.Combine(_directory, "fix-store")}
            StartTime=00:00:00
            EndTime=00:00:00
            [SESSION]
            TargetCompID=CLIENT1
            """);
    }

    [Fact]
    public Task A_trade_booked_before_SIGTERM_is_there_after_the_restart() => BookStopAndRestart();

    [Fact]
    public async Task On_PostgreSQL_a_trade_booked_before_SIGTERM_is_there_after_the_restart()
    {
        var connectionString = Environment.GetEnvironmentVariable("TRADEFLOW_PG")
            ?? throw new InvalidOperationException("TRADEFLOW_PG is not set: run `source scripts/postgres.sh && start_postgres` (test.sh does).");
        _environment["TRADEFLOW__POSTGRESSCHEMA"] = "serve_" + Guid.NewGuid().ToString("N")[..10];
        try
        {
            await BookStopAndRestart("--store", "postgres", "--postgres", connectionString);
        }
        finally
        {
            await using var connection = new Npgsql.NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"DROP SCHEMA IF EXISTS {_environment["TRADEFLOW__POSTGRESSCHEMA"]} CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private async Task BookStopAndRestart(params string[] storeArgs)
    {
        string tradeId;
        await using (var server = await ServeProcess.Start(this, storeArgs))
        {
            using var booking = await server.Http.PostAsJsonAsync("/api/trades", new
            {
                instrument = "US0378331005", side = "Buy", quantity = 100, price = 190.25m,
                counterparty = "7LTWFZYICNSX8D621K86", book = "EQ-NY", trader = "JSMITH", tradeDate = "2025-03-14",
            });
            Assert.True(booking.StatusCode == HttpStatusCode.Created, await booking.Content.ReadAsStringAsync());
            tradeId = (await booking.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("tradeId").GetString()!;

            var exitCode = await server.Terminate();

            Assert.Equal(0, exitCode);
            Assert.Contains(server.Output, line => line.StartsWith("Stopping:", StringComparison.Ordinal));
        }

        await using (var restarted = await ServeProcess.Start(this, storeArgs))
        {
            using var trade = await restarted.Http.GetAsync($"/api/trades/{tradeId}");
            Assert.True(trade.StatusCode == HttpStatusCode.OK, await trade.Content.ReadAsStringAsync());
            Assert.Equal(tradeId, (await trade.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("tradeId").GetString());
            Assert.Equal(0, await restarted.Terminate());
        }
    }

    [Fact]
    public async Task Book_books_through_the_running_server_and_names_every_reason_of_a_refusal()
    {
        await using var server = await ServeProcess.Start(this);
        // The sizing is reported: the embedded journal's stream table reserved for as many streams as the engine's trades.
        Assert.Matches("sized for ([0-9]+) trades and \\1 journal streams", server.ReadyLine);
        string[] Trade(string isin) => ["book", "--url", server.Http.BaseAddress!.ToString(), "--instrument", isin, "--side", "buy",
            "--quantity", "100", "--price", "190.25", "--counterparty", "7LTWFZYICNSX8D621K86", "--book", "EQ-NY", "--trader", "JSMITH",
            "--trade-date", "2025-03-14", "--idempotency-key", "book-test-" + isin];

        var booked = await RunTradeflow(Trade("US0378331005"));
        var again = await RunTradeflow(Trade("US0378331005"));
        var refused = await RunTradeflow(Trade("GB0002634946"));

        Assert.True(booked.ExitCode == 0, booked.Output);
        Assert.Matches("^Booked T[0-9]{12}", booked.Output);
        Assert.Contains("already booked with this idempotency key", again.Output, StringComparison.Ordinal);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("RestrictedInstrument", refused.Output, StringComparison.Ordinal);
        Assert.Equal(0, await server.Terminate());
    }

    [Fact]
    public async Task A_bad_FIX_config_stops_start_up_naming_the_file_and_key()
    {
        File.AppendAllText(Path.Combine(_directory, "fix.cfg"), "\nHeartBtInt=often\n");

        await using var server = ServeProcess.Launch(this);
        var exitCode = await server.WaitForExit();

        Assert.Equal(2, exitCode);
        Assert.Contains(server.Errors, line => line.Contains("fix.cfg", StringComparison.Ordinal) && line.Contains("HeartBtInt", StringComparison.Ordinal));
    }

    private string JournalDirectory => Path.Combine(_directory, "data", "journal");

    private async Task StartAndStopCleanly()
    {
        await using var server = await ServeProcess.Start(this);
        Assert.Contains(server.Output, line => line.StartsWith("Journal opened: ", StringComparison.Ordinal));
        Assert.Equal(0, await server.Terminate());
    }

    // The clean stop's checkpoint proves the events in the deleted segment were committed: the restart refuses.
    [Fact]
    public async Task A_journal_missing_the_segment_its_checkpoint_anchors_in_stops_start_up_with_exit_3_naming_it()
    {
        await StartAndStopCleanly();
        var last = Directory.GetFiles(JournalDirectory, "segment-*.tfj").Order(StringComparer.Ordinal).Last();
        File.Delete(last);

        await using var server = ServeProcess.Launch(this);
        var exitCode = await server.WaitForExit();

        Assert.Equal(3, exitCode);
        Assert.Contains(server.Errors, line => line.Contains(last, StringComparison.Ordinal) && line.Contains("move index.tfi aside", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_damaged_checkpoint_is_ignored_and_the_start_up_says_why()
    {
        await StartAndStopCleanly();
        var checkpoint = Path.Combine(JournalDirectory, "index.tfi");
        var bytes = File.ReadAllBytes(checkpoint);
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(checkpoint, bytes);

        await using var server = await ServeProcess.Start(this);

        Assert.Contains(server.Output, line => line.StartsWith("Journal opened: ", StringComparison.Ordinal)
            && line.Contains("checkpoint ignored, every record verified (the CRC-32C trailer of index.tfi", StringComparison.Ordinal));
        Assert.Equal(0, await server.Terminate());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<(int ExitCode, string Output)> RunTradeflow(string[] args)
    {
        var (exitCode, stdout, stderr) = await TradeflowProcess.RunAsync(args, new Dictionary<string, string> { ["TRADEFLOW_API_KEY"] = _apiKey });
        return (exitCode, stdout + stderr);
    }

    /// <summary>One <c>tradeflow serve</c> process, its output line by line, and an HTTP client with the test's key.</summary>
    private sealed class ServeProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();

        private ServeProcess(Process process)
        {
            _process = process;
            _process.OutputDataReceived += (_, e) => Received(e.Data, Output);
            _process.ErrorDataReceived += (_, e) => Received(e.Data, Errors);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public List<string> Output { get; } = [];

        public List<string> Errors { get; } = [];

        public HttpClient Http { get; private set; } = null!;

        /// <summary>The line that says the server is up (store, recovery, sizing).</summary>
        public string ReadyLine { get; private set; } = "";

        public static ServeProcess Launch(ServeCommandTests test, params string[] extraArgs)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = test._directory,
            };
            foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "tradeflow.dll"), "serve", "--data", Path.Combine(test._directory, "data"),
                "--fix-config", Path.Combine(test._directory, "fix.cfg"), "--urls", "http://127.0.0.1:0" }.Concat(extraArgs))
            {
                start.ArgumentList.Add(arg);
            }

            foreach (var (name, value) in test._environment)
            {
                start.Environment[name] = value;
            }

            // Configured the way an operator would: environment variables under TRADEFLOW__.
            start.Environment["TRADEFLOW__HTTP__APIKEYS__0__NAME"] = "ops-test";
            start.Environment["TRADEFLOW__HTTP__APIKEYS__0__ROLES"] = "admin";
            start.Environment["TRADEFLOW__HTTP__APIKEYS__0__HASH"] = ApiKeyHasher.Hash(test._apiKey);
            return new ServeProcess(Process.Start(start)!);
        }

        public static async Task<ServeProcess> Start(ServeCommandTests test, params string[] extraArgs)
        {
            var server = Launch(test, extraArgs);
            var http = await server.WaitForLine("HTTP API and dashboard on ");
            server.ReadyLine = await server.WaitForLine("Ready:");
            var url = http["HTTP API and dashboard on ".Length..].Split(',')[0].Trim();
            server.Http = new HttpClient { BaseAddress = new Uri(url) };
            server.Http.DefaultRequestHeaders.Add("X-Api-Key", test._apiKey);
            return server;
        }

        /// <summary>Sends SIGTERM, as a service manager does, and waits for the exit code.</summary>
        public async Task<int> Terminate()
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            return await WaitForExit();
        }

        public async Task<int> WaitForExit()
        {
            await _process.WaitForExitAsync().WaitAsync(Patience);
            _process.WaitForExit(); // flushes the redirected output
            return _process.ExitCode;
        }

        public async ValueTask DisposeAsync()
        {
            Http?.Dispose();
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }

        private void Received(string? line, List<string> into)
        {
            if (line is null)
            {
                return;
            }

            lock (into)
            {
                into.Add(line);
            }

            _lines.Writer.TryWrite(line);
        }

        private async Task<string> WaitForLine(string prefix)
        {
            using var timeout = new CancellationTokenSource(Patience);
            try
            {
                while (true)
                {
                    var line = await _lines.Reader.ReadAsync(timeout.Token);
                    if (line.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        return line;
                    }
                }
            }
            catch (OperationCanceledException)
            {
                throw new Xunit.Sdk.XunitException($"tradeflow serve never printed '{prefix}'. Output:\n{string.Join('\n', Output)}\n{string.Join('\n', Errors)}");
            }
        }
    }
}
