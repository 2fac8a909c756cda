using System.Text.Json;
using TradeFlow.Replay.Cli;
using TradeFlow.Replay.Tests.Support;
using TradeFlow.Testing.Snapshots;

namespace TradeFlow.Replay.Tests;

/// <summary><c>audit TRADE_ID</c> on a journal the engine wrote (and the same history in PostgreSQL).</summary>
public sealed class AuditTests : IDisposable
{
    private readonly TestHistory _history = TestHistory.Embedded().Run(80);
    private readonly string _busiest;

    public AuditTests()
    {
        // The trade with the longest stream: booked, amended, instructed, ... (the seed is fixed, so it is always the same one).
        _busiest = _history.TradeIds.Select(id => "trade-" + id)
            .OrderByDescending(s => _history.Store.GetStreamVersion(s)).ThenBy(s => s, StringComparer.Ordinal).First()["trade-".Length..];
        _history.Stop();
    }

    public void Dispose() => _history.Dispose();

    [Fact]
    public void The_audit_trail_of_a_trade_matches_its_snapshot()
    {
        var result = Tool.Run(["audit", _busiest, .. _history.StoreArgs]);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Snapshot.Verify(result.Stdout);
    }

    [Fact]
    public void The_json_trail_names_each_amended_field_and_the_postings_of_the_booking()
    {
        var result = Tool.Run(["audit", _busiest, .. _history.StoreArgs, "--json"]);

        using var json = JsonDocument.Parse(result.Stdout);
        var events = json.RootElement.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal("TradeBooked", events[0].GetProperty("type").GetString());
        Assert.NotEmpty(events[0].GetProperty("postings").EnumerateArray());
        Assert.StartsWith("FIX:BANK->CLIENT1:34=", events[0].GetProperty("source").GetString(), StringComparison.Ordinal);
        Assert.All(events.Where(e => e.GetProperty("type").GetString() == "TradeAmended"), e => Assert.NotEmpty(e.GetProperty("changes").EnumerateArray()));
        Assert.Equal(events.Select(e => e.GetProperty("position").GetInt64()).Order(), events.Select(e => e.GetProperty("position").GetInt64()));
    }

    [Fact]
    public void An_unknown_trade_is_bad_input_in_one_line()
    {
        var result = Tool.Run(["audit", "T000009999999", .. _history.StoreArgs]);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Equal("tradeflow-replay audit: unknown trade T000009999999: the store has no stream trade-T000009999999 (nor refusals addressed to it).", result.Stderr.TrimEnd());
    }

    [Fact]
    public void A_malformed_trade_id_is_bad_input()
    {
        var result = Tool.Run(["audit", "XYZ", .. _history.StoreArgs]);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("is not a trade id", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_history_in_postgres_gives_the_same_audit_trail()
    {
        var schema = TestPostgres.NewSchema();
        try
        {
            using var postgres = TestHistory.Postgres(schema).Run(80);
            postgres.Stop();

            var fromPostgres = Tool.Run(["audit", _busiest, .. postgres.StoreArgs]);

            Assert.True(fromPostgres.ExitCode == ExitCodes.Ok, fromPostgres.ToString());
            Assert.Equal(Tool.Run(["audit", _busiest, .. _history.StoreArgs]).Stdout, fromPostgres.Stdout);
        }
        finally
        {
            TestPostgres.DropSchema(schema);
        }
    }
}
