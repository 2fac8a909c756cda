using System.Text.Json;
using TradeFlow.Replay.Cli;
using TradeFlow.Replay.Tests.Support;

namespace TradeFlow.Replay.Tests;

/// <summary><c>verify</c> against PostgreSQL (a schema of its own per class) and against databases that cannot be used.</summary>
public sealed class PostgresVerifyTests : IDisposable
{
    private readonly string _schema = TestPostgres.NewSchema();
    private readonly TestHistory _history;

    public PostgresVerifyTests()
    {
        _history = TestHistory.Postgres(_schema).Run(60);
        _history.Stop();
    }

    public void Dispose()
    {
        _history.Dispose();
        TestPostgres.DropSchema(_schema);
    }

    [Fact]
    public void A_clean_postgres_store_verifies_with_a_content_hash()
    {
        var result = Tool.Run(["verify", .. _history.StoreArgs, "--json"]);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("content", json.RootElement.GetProperty("hashKind").GetString());
        Assert.Equal(_history.Head, json.RootElement.GetProperty("events").GetInt64());
        var again = Tool.Run(["verify", .. _history.StoreArgs, "--json"]);
        using var second = JsonDocument.Parse(again.Stdout);
        Assert.Equal(json.RootElement.GetProperty("headHash").GetString(), second.RootElement.GetProperty("headHash").GetString());
    }

    [Fact]
    public void A_stream_version_gap_in_the_table_is_reported_with_its_position()
    {
        TestPostgres.Execute($"UPDATE {_schema}.events SET version = version + 1000 WHERE position = 3");

        var result = Tool.Run(["verify", .. _history.StoreArgs]);

        Assert.Equal(ExitCodes.ProblemsFound, result.ExitCode);
        Assert.Contains("expected version", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreachable_database_is_exit_3_in_one_line()
    {
        var result = Tool.Run("verify", "--postgres", "Host=127.0.0.1;Port=1;Username=x;Password=x;Database=x;Timeout=3");

        Assert.Equal(ExitCodes.StoreUnavailable, result.ExitCode);
        Assert.Single(result.Stderr.TrimEnd().Split('\n'));
        Assert.StartsWith("tradeflow-replay verify: cannot reach PostgreSQL 127.0.0.1:1/x", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_schema_without_an_event_store_is_exit_3()
    {
        var result = Tool.Run("verify", "--postgres", TestPostgres.ConnectionString, "--schema", "no_such_schema_here");

        Assert.Equal(ExitCodes.StoreUnavailable, result.ExitCode);
        Assert.Contains("holds no TradeFlow event store", result.Stderr, StringComparison.Ordinal);
    }
}
