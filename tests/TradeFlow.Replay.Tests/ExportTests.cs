using System.Text.Json;
using TradeFlow.Replay.Cli;
using TradeFlow.Replay.Tests.Support;

namespace TradeFlow.Replay.Tests;

/// <summary><c>export</c>: every envelope field, JSON lines or CSV, filtered by position, time and stream.</summary>
public sealed class ExportTests : IDisposable
{
    private readonly TestHistory _history = TestHistory.Embedded().Run(50);

    public ExportTests() => _history.Stop();

    public void Dispose() => _history.Dispose();

    private static string[] Lines(ToolResult result)
    {
        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        return result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void Json_lines_carry_every_envelope_field_and_the_payload_as_json()
    {
        var lines = Lines(Tool.Run(["export", .. _history.StoreArgs, "--format", "jsonl"]));

        Assert.Equal(_history.Head, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        var e = first.RootElement;
        Assert.Equal(1, e.GetProperty("position").GetInt64());
        Assert.Equal("trade-T000000000001", e.GetProperty("stream").GetString());
        Assert.Equal("TradeBooked", e.GetProperty("type").GetString());
        Assert.Equal("trader-0", e.GetProperty("actor").GetString());
        Assert.Equal("FIX:BANK->CLIENT1:34=1", e.GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.Object, e.GetProperty("payload").ValueKind);
        foreach (var field in new[] { "streamVersion", "eventId", "schemaVersion", "recordedTime", "effectiveTime", "correlationId", "causationId" })
        {
            Assert.True(e.TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public void A_position_range_and_a_stream_prefix_narrow_the_export()
    {
        var range = Lines(Tool.Run(["export", .. _history.StoreArgs, "--from", "10", "--to", "19"]));
        var stream = Lines(Tool.Run(["export", .. _history.StoreArgs, "--stream", "trade-T000000000001"]));

        Assert.Equal(Enumerable.Range(10, 10), range.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("position").GetInt32()));
        Assert.NotEmpty(stream);
        Assert.All(stream, l => Assert.Equal("trade-T000000000001", JsonDocument.Parse(l).RootElement.GetProperty("stream").GetString()));
    }

    [Fact]
    public void A_recorded_time_range_exports_what_was_recorded_in_it()
    {
        var all = Lines(Tool.Run(["export", .. _history.StoreArgs])).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var from = all[5].GetProperty("recordedTime").GetString()!;
        var to = all[20].GetProperty("recordedTime").GetString()!;

        var lines = Lines(Tool.Run(["export", .. _history.StoreArgs, "--from", from, "--to", to]));

        Assert.Equal(all.Count(e => string.CompareOrdinal(e.GetProperty("recordedTime").GetString(), from) >= 0 && string.CompareOrdinal(e.GetProperty("recordedTime").GetString(), to) <= 0), lines.Length);
    }

    [Fact]
    public void Csv_has_a_header_and_one_quoted_row_per_event()
    {
        var lines = Lines(Tool.Run(["export", .. _history.StoreArgs, "--format", "csv", "--to", "5"]));

        Assert.StartsWith("position,stream,stream_version,event_id,type,", lines[0], StringComparison.Ordinal);
        Assert.Equal(6, lines.Length);
        Assert.StartsWith("1,trade-T000000000001,0,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",json,\"{\"\"", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Ctrl_c_stops_a_verb_with_exit_130_and_one_line()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var result = Tool.Run((output, error) => new ReplayEnvironment(output, error) { CancellationToken = cancelled.Token },
            ["verify", .. _history.StoreArgs]);

        Assert.Equal(ExitCodes.Cancelled, result.ExitCode);
        Assert.Equal("tradeflow-replay verify: interrupted; nothing was written to the store.", result.Stderr.TrimEnd());
    }

    [Fact]
    public void An_unknown_format_is_a_usage_error()
    {
        var result = Tool.Run(["export", .. _history.StoreArgs, "--format", "xml"]);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
    }

    [Fact]
    public void The_same_history_in_postgres_exports_the_same_lines()
    {
        var schema = TestPostgres.NewSchema();
        try
        {
            using var postgres = TestHistory.Postgres(schema).Run(50);
            postgres.Stop();

            var fromPostgres = Lines(Tool.Run(["export", .. postgres.StoreArgs]));

            Assert.Equal(Lines(Tool.Run(["export", .. _history.StoreArgs])), fromPostgres);
        }
        finally
        {
            TestPostgres.DropSchema(schema);
        }
    }
}
