using System.Globalization;
using System.Text.Json;
using TradeFlow.Replay.Cli;
using TradeFlow.Replay.Tests.Support;

namespace TradeFlow.Replay.Tests;

/// <summary><c>diff --from A --to B</c>: lifecycle counts and exposure and P&amp;L deltas between two points.</summary>
public sealed class DiffTests : IDisposable
{
    private readonly TestHistory _history = TestHistory.Embedded().Run(60, sampleEvery: 20);

    public DiffTests() => _history.Stop();

    public void Dispose() => _history.Dispose();

    [Fact]
    public void The_diff_between_two_positions_counts_the_events_between_them_by_type()
    {
        var result = Tool.Run(["diff", .. _history.StoreArgs, "--from", "10", "--to", "40", "--json"]);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(30, root.GetProperty("events").GetInt64());
        Assert.Equal(30, root.GetProperty("byType").EnumerateObject().Sum(p => p.Value.GetInt64()));
        Assert.All(root.GetProperty("exposure").EnumerateArray(), r => Assert.Equal(r.GetProperty("to").GetDecimal() - r.GetProperty("from").GetDecimal(), r.GetProperty("delta").GetDecimal()));
        Assert.NotEmpty(root.GetProperty("pnl").EnumerateArray());
    }

    [Fact]
    public void The_diff_between_two_recorded_times_equals_the_diff_between_the_positions_then()
    {
        var (a, b) = (_history.Moments[0], _history.Moments[2]);
        var byTime = Tool.Run(["diff", .. _history.StoreArgs, "--from", a.Time.ToString("O", CultureInfo.InvariantCulture), "--to", b.Time.ToString("O", CultureInfo.InvariantCulture), "--json"]);
        var byPosition = Tool.Run(["diff", .. _history.StoreArgs, "--from", a.Head.Value.ToString(CultureInfo.InvariantCulture), "--to", b.Head.Value.ToString(CultureInfo.InvariantCulture), "--json"]);

        using var time = JsonDocument.Parse(byTime.Stdout);
        using var position = JsonDocument.Parse(byPosition.Stdout);
        Assert.Equal(position.RootElement.GetProperty("exposure").ToString(), time.RootElement.GetProperty("exposure").ToString());
        Assert.Equal(position.RootElement.GetProperty("byType").ToString(), time.RootElement.GetProperty("byType").ToString());
    }

    [Fact]
    public void The_text_report_has_lifecycle_exposure_and_pnl_tables()
    {
        var result = Tool.Run(["diff", .. _history.StoreArgs, "--from", "1", "--to", "60"]);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Contains("TradeBooked", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("counterparty exposure (utilised)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("P&L by book", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reversed_range_is_bad_input()
    {
        var result = Tool.Run(["diff", .. _history.StoreArgs, "--from", "40", "--to", "10"]);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("--from must come before --to", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_runs_against_postgres()
    {
        var schema = TestPostgres.NewSchema();
        try
        {
            using var postgres = TestHistory.Postgres(schema).Run(60);
            postgres.Stop();

            var fromPostgres = Tool.Run(["diff", .. postgres.StoreArgs, "--from", "10", "--to", "40", "--json"]);

            Assert.Equal(Tool.Run(["diff", .. _history.StoreArgs, "--from", "10", "--to", "40", "--json"]).Stdout, fromPostgres.Stdout);
        }
        finally
        {
            TestPostgres.DropSchema(schema);
        }
    }
}
