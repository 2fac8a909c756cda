using System.Text.Json;
using TradeFlow.Postgres;
using TradeFlow.Postgres.Projections;
using TradeFlow.Projections.Storage;
using TradeFlow.Replay.Cli;
using TradeFlow.Replay.Tests.Support;

namespace TradeFlow.Replay.Tests;

/// <summary><c>rebuild</c>: read models into files or PostgreSQL, checkpointed, resumed on the next run.</summary>
public sealed class RebuildTests : IDisposable
{
    private readonly TestHistory _history = TestHistory.Embedded();

    public void Dispose() => _history.Dispose();

    private static List<JsonElement> Results(ToolResult result)
    {
        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        return JsonDocument.Parse(result.Stdout).RootElement.EnumerateArray().ToList();
    }

    [Fact]
    public async Task A_rebuild_into_files_saves_the_live_state_and_a_second_run_resumes_from_its_checkpoints()
    {
        var directory = Path.Combine(_history.DataDirectory!, "projections");
        _history.Run(40);
        var first = Results(Tool.Run(["rebuild", .. _history.StoreArgs, "--target", "files", "--out", directory, "--save-every", "7", "--json"]));
        _history.Run(30);
        var live = _history.Sample();

        var second = Results(Tool.Run(["rebuild", .. _history.StoreArgs, "--target", "files", "--out", directory, "--json"]));

        Assert.All(first, r => Assert.Equal("Fresh", r.GetProperty("start").GetString()));
        Assert.All(second, r => Assert.Equal("Resumed", r.GetProperty("start").GetString()));
        Assert.Equal(first.Select(r => r.GetProperty("to").GetInt64()), second.Select(r => r.GetProperty("from").GetInt64()));
        Assert.Equal(live.StateHashes, second.ToDictionary(r => r.GetProperty("projection").GetString()!, r => r.GetProperty("stateHash").GetString()!));
        using var files = new FileProjectionStore(directory);
        var saved = (await files.LoadAsync("exposure"))!;
        Assert.Equal(live.Head, saved.Checkpoint);
        Assert.Equal(live.StateHashes["exposure"], saved.StateHash);
    }

    [Fact]
    public void From_scratch_refolds_everything_over_saved_checkpoints()
    {
        var directory = Path.Combine(_history.DataDirectory!, "projections");
        _history.Run(20);
        Results(Tool.Run(["rebuild", .. _history.StoreArgs, "--target", "files", "--out", directory, "--projection", "settlement", "--json"]));

        var again = Assert.Single(Results(Tool.Run(["rebuild", .. _history.StoreArgs, "--target", "files", "--out", directory, "--projection", "settlement", "--from-scratch", "--json"])));

        Assert.Equal(0, again.GetProperty("from").GetInt64());
        Assert.Equal(_history.Sample().StateHashes["settlement"], again.GetProperty("stateHash").GetString());
    }

    [Fact]
    public async Task A_rebuild_into_postgres_saves_state_and_checkpoint_in_the_projections_table()
    {
        var schema = TestPostgres.NewSchema();
        try
        {
            _history.Run(30);
            var live = _history.Sample();

            Results(Tool.Run(["rebuild", .. _history.StoreArgs, "--target", "postgres", "--target-postgres", TestPostgres.ConnectionString, "--target-schema", schema, "--json"]));

            await using var target = await PostgresProjectionStore.OpenAsync(new PostgresEventStoreOptions(TestPostgres.ConnectionString) { Schema = schema });
            foreach (var (name, hash) in live.StateHashes)
            {
                var saved = (await target.LoadAsync(name))!;
                Assert.Equal((live.Head, hash), (saved.Checkpoint, saved.StateHash));
            }
        }
        finally
        {
            TestPostgres.DropSchema(schema);
        }
    }

    [Fact]
    public void A_files_target_without_a_directory_is_bad_input()
    {
        _history.Run(2);

        var result = Tool.Run(["rebuild", .. _history.StoreArgs, "--target", "files"]);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("--target files needs --out DIR", result.Stderr, StringComparison.Ordinal);
    }
}
