using System.Text.Json;
using TradeFlow.Server.Tests.Support;
using TradeFlow.Testing;

namespace TradeFlow.Server.Tests;

/// <summary>The README's main job, run as a user runs it: the built <c>tradeflow</c> executable, <c>demo --json</c>.</summary>
public sealed class DemoCommandTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "tf-demo-test-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    [Fact]
    public void The_demo_books_over_FIX_settles_over_HTTP_restarts_and_passes_every_check()
    {
        var (exitCode, stdout, stderr) = RunTradeflow("demo", "--trades", "300", "--json", "--data", _dataDirectory);

        Assert.True(exitCode == 0, $"exit {exitCode}\n{stderr}\n{stdout}");
        using var report = JsonDocument.Parse(stdout);
        var root = report.RootElement;
        var run = root.GetProperty("run");
        Assert.Equal(300, run.GetProperty("capturesRequested").GetInt32());
        Assert.Equal(0, run.GetProperty("failed").GetInt64());
        Assert.True(run.GetProperty("accepted").GetInt64() >= 300, "every ordinary capture and its lifecycle is accepted");
        Assert.True(run.GetProperty("eventsJournaled").GetInt64() >= run.GetProperty("commandsSubmitted").GetInt64(), "every command journals at least one event (rejections too)");
        Assert.All(root.GetProperty("checks").EnumerateArray(), check => Assert.True(check.GetProperty("passed").GetBoolean(), check.ToString()));

        var views = root.GetProperty("views");
        Assert.Equal(run.GetProperty("eventsJournaled").GetInt64(), views.GetProperty("eventsFolded").GetInt64());
        Assert.Equal(["EUR", "GBP", "USD"], views.GetProperty("trialBalance").EnumerateArray().Select(t => t.GetProperty("currency").GetString()).Order(StringComparer.Ordinal));
        Assert.All(views.GetProperty("trialBalance").EnumerateArray(), t => Assert.Equal(0m, t.GetProperty("net").GetDecimal()));
        Assert.Equal(3, views.GetProperty("counterpartyExposure").GetArrayLength());
        Assert.NotEmpty(views.GetProperty("positions").EnumerateArray());

        var refusals = root.GetProperty("refusals").EnumerateArray().ToDictionary(r => r.GetProperty("expectation").GetString()!, r => r.GetProperty("reasons")[0].GetString()!);
        Assert.StartsWith("RestrictedInstrument:", refusals["restricted instrument"], StringComparison.Ordinal);
        Assert.StartsWith("PriceOutsideBand:", refusals["fat finger: price 10x the mark"], StringComparison.Ordinal);
        Assert.StartsWith("CreditLimitExceeded:", refusals["hard credit limit breach"], StringComparison.Ordinal);
        Assert.StartsWith("InactiveCounterparty:", refusals["inactive counterparty"], StringComparison.Ordinal);
        Assert.True(Directory.EnumerateFiles(Path.Combine(_dataDirectory, "journal")).Any(), "the journal is on disk");

        var channels = root.GetProperty("commandsByChannel").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("count").GetInt64());
        Assert.True(channels["FIX"] >= 305, "every capture (and the refused ones) went over FIX");
        Assert.True(channels["HTTP"] >= 300, "settlement statuses went over the HTTP API");
        Assert.Equal(run.GetProperty("commandsSubmitted").GetInt64(), channels.Values.Sum());
        Assert.Equal(0, run.GetProperty("sessionRejects").GetInt64());

        var latency = root.GetProperty("captureAckLatency");
        Assert.Equal(300, latency.GetProperty("samples").GetInt64());
        Assert.InRange(latency.GetProperty("p50").GetDouble(), 0.1, latency.GetProperty("p99").GetDouble());
        Assert.InRange(latency.GetProperty("p99").GetDouble(), latency.GetProperty("p50").GetDouble(), latency.GetProperty("max").GetDouble());
        Assert.True(run.GetProperty("capturesPerSecond").GetDouble() > 0, "throughput is measured over FIX");

        var restart = root.GetProperty("restart");
        Assert.Equal(run.GetProperty("eventsJournaled").GetInt64(), restart.GetProperty("recoveredEvents").GetInt64());
        Assert.Equal(restart.GetProperty("stateHashBefore").GetString(), restart.GetProperty("stateHashAfter").GetString());
        Assert.True(File.Exists(Path.Combine(_dataDirectory, "demo-acceptor.cfg")), "the server ran with a generated FIX session file");
    }

    [Fact]
    public void The_demo_refuses_a_data_directory_that_already_holds_a_journal()
    {
        Directory.CreateDirectory(Path.Combine(_dataDirectory, "journal"));
        File.WriteAllText(Path.Combine(_dataDirectory, "journal", "00000000.seg"), "x");

        var (exitCode, _, stderr) = RunTradeflow("demo", "--data", _dataDirectory);

        Assert.Equal(2, exitCode);
        Assert.Contains("already holds a journal", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_demo_names_the_bad_reference_data_file()
    {
        var referenceData = Path.Combine(_dataDirectory, "refdata");
        Directory.CreateDirectory(referenceData);
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.DemoReferenceData))
        {
            File.Copy(file, Path.Combine(referenceData, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(referenceData, "books.json"), "[ { \"id\": \"EQ-NY\" } ]");

        var (exitCode, _, stderr) = RunTradeflow("demo", "--data", Path.Combine(_dataDirectory, "run"), "--reference-data", referenceData);

        Assert.Equal(2, exitCode);
        Assert.Contains("books.json: record 1 (EQ-NY): field 'name': is required", stderr, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Stdout, string Stderr) RunTradeflow(params string[] args) => TradeflowProcess.Run(args);
}
