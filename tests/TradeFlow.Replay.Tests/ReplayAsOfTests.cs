using System.Globalization;
using System.Text.Json;
using TradeFlow.Replay.Cli;
using TradeFlow.Replay.Tests.Support;

namespace TradeFlow.Replay.Tests;

/// <summary><c>replay --as-of / --at-position</c>: the replayed projections equal what the live ones held at that moment.</summary>
public sealed class ReplayAsOfTests : IDisposable
{
    private readonly TestHistory _history = TestHistory.Embedded().Run(90, sampleEvery: 30);

    public ReplayAsOfTests() => _history.Stop();

    public void Dispose() => _history.Dispose();

    private static Dictionary<string, string> Hashes(ToolResult result)
    {
        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        return json.RootElement.GetProperty("projections").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("stateHash").GetString()!, StringComparer.Ordinal);
    }

    [Fact]
    public void Replay_as_of_a_recorded_time_equals_the_live_state_at_that_moment()
    {
        foreach (var moment in _history.Moments)
        {
            var result = Tool.Run(["replay", .. _history.StoreArgs, "--as-of", moment.Time.ToString("O", CultureInfo.InvariantCulture), "--json"]);

            Assert.Equal(moment.StateHashes, Hashes(result));
        }
    }

    [Fact]
    public void Replay_at_a_position_equals_the_live_state_after_that_event()
    {
        var moment = _history.Moments[1];

        var result = Tool.Run(["replay", .. _history.StoreArgs, "--at-position", moment.Head.Value.ToString(CultureInfo.InvariantCulture), "--json"]);

        Assert.Equal(moment.StateHashes, Hashes(result));
    }

    [Fact]
    public void The_tables_show_exposure_positions_ladder_and_a_zero_trial_balance()
    {
        var result = Tool.Run(["replay", .. _history.StoreArgs, "--at-position", "50"]);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        foreach (var title in new[] { "counterparty exposure", "positions", "settlement ladder", "trial balance", "exposure v2 state hash" })
        {
            Assert.Contains(title, result.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void One_projection_can_be_written_to_a_file()
    {
        var file = Path.Combine(_history.DataDirectory!, "view.json");

        var result = Tool.Run(["replay", .. _history.StoreArgs, "--at-position", "40", "--projection", "accounting", "--out", file]);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        Assert.Equal("accounting", Assert.Single(json.RootElement.GetProperty("projections").EnumerateArray()).GetProperty("name").GetString());
        Assert.All(json.RootElement.GetProperty("trialBalance").EnumerateArray(), line => Assert.Equal(0m, line.GetProperty("net").GetDecimal()));
    }

    [Theory]
    [InlineData("--as-of", "2000-01-01T00:00:00Z", "is before the store's first event")]
    [InlineData("--as-of", "2999-01-01T00:00:00Z", "is in the future")]
    [InlineData("--as-of", "yesterday-ish", "is neither a global position nor an ISO 8601 time")]
    [InlineData("--at-position", "999999", "is outside the store's history")]
    [InlineData("--projection", "nope", "unknown projection 'nope'")]
    public void Bad_points_are_one_line_errors_with_exit_2(string option, string value, string message)
    {
        string[] cut = option == "--projection" ? ["--at-position", "3", option, value] : [option, value];

        var result = Tool.Run(["replay", .. _history.StoreArgs, .. cut]);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Single(result.Stderr.TrimEnd().Split('\n'));
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_against_postgres_gives_the_same_state_hashes_as_the_journal()
    {
        var schema = TestPostgres.NewSchema();
        try
        {
            using var postgres = TestHistory.Postgres(schema).Run(90);
            postgres.Stop();

            var fromPostgres = Tool.Run(["replay", .. postgres.StoreArgs, "--at-position", "60", "--json"]);

            Assert.Equal(Hashes(Tool.Run(["replay", .. _history.StoreArgs, "--at-position", "60", "--json"])), Hashes(fromPostgres));
        }
        finally
        {
            TestPostgres.DropSchema(schema);
        }
    }
}
