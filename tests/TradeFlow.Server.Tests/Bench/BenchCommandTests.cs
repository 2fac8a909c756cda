using System.Text.Json;
using TradeFlow.Server.Tests.Support;

namespace TradeFlow.Server.Tests.Bench;

/// <summary><c>tradeflow bench e2e</c> as a user runs it: the built executable, in its short smoke mode. No timing is asserted.</summary>
public sealed class BenchCommandTests
{
    [Fact]
    public void A_short_bench_answers_and_books_every_order_and_reports_ordered_percentiles()
    {
        var (exitCode, stdout, stderr) = RunTradeflow("bench", "e2e", "--sessions", "2", "--trades", "200", "--rate", "500", "--json");

        Assert.True(exitCode == 0, $"exit {exitCode}\n{stderr}\n{stdout}");
        using var report = JsonDocument.Parse(stdout);
        var root = report.RootElement;
        Assert.Equal(2, root.GetProperty("sessions").GetInt32());
        Assert.Equal(200, root.GetProperty("trades").GetInt32());
        Assert.Equal(200, root.GetProperty("answered").GetInt64());
        Assert.Equal(200, root.GetProperty("booked").GetInt64());
        Assert.Equal(0, root.GetProperty("rejected").GetInt64());
        Assert.Equal(0, root.GetProperty("unanswered").GetInt64());
        Assert.Equal(0, root.GetProperty("sessionRejects").GetInt64());
        Assert.True(root.GetProperty("bookedPerSecond").GetDouble() > 0, "a throughput is reported");
        Assert.True(root.GetProperty("passed").GetBoolean());
        var latency = root.GetProperty("ackLatencyMicroseconds");
        var percentiles = new[] { "p50", "p90", "p99", "p999", "max" }.Select(p => latency.GetProperty(p).GetDouble()).ToArray();
        Assert.True(percentiles[0] > 0, "a latency is reported");
        Assert.Equal(percentiles.Order(), percentiles);
    }

    [Fact]
    public void A_target_that_is_not_host_and_port_is_refused_by_name()
    {
        var (exitCode, _, stderr) = RunTradeflow("bench", "e2e", "--target", "localhost", "--trades", "1");

        Assert.Equal(2, exitCode);
        Assert.Contains("--target 'localhost' is not host:port", stderr, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Stdout, string Stderr) RunTradeflow(params string[] args) => TradeflowProcess.Run(args);
}
