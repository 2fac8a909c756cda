using System.Diagnostics;
using TradeFlow.Replay.Cli;
using TradeFlow.Replay.Tests.Support;

namespace TradeFlow.Replay.Tests;

/// <summary>The built <c>tradeflow-replay</c> executable, run as an operator runs it.</summary>
public sealed class ProcessTests : IDisposable
{
    private readonly TestHistory _history = TestHistory.Embedded().Run(30);

    public ProcessTests() => _history.Stop();

    public void Dispose() => _history.Dispose();

    [Fact]
    public void The_executable_verifies_and_exports_with_the_shipped_reference_data()
    {
        var verify = RunReplay("verify", "--data", _history.DataDirectory!);
        var audit = RunReplay("audit", "T000000000001", "--data", _history.DataDirectory!);

        Assert.True(verify.ExitCode == ExitCodes.Ok, verify.ToString());
        Assert.Contains("CLEAN: ", verify.Stdout, StringComparison.Ordinal);
        Assert.True(audit.ExitCode == ExitCodes.Ok, audit.ToString());
        Assert.StartsWith("audit trail of trade T000000000001", audit.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_executable_reports_a_missing_store_choice_as_usage_exit_2()
    {
        var result = RunReplay("verify");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.StartsWith("tradeflow-replay verify: choose a store", result.Stderr, StringComparison.Ordinal);
    }

    private static ToolResult RunReplay(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "tradeflow-replay.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The child must not pick a database up from the test environment.
        start.Environment.Remove("TRADEFLOW_PG");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("tradeflow-replay did not exit within 2 minutes");
        }

        return new ToolResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}
