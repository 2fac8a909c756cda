using System.Text.Json;
using TradeFlow.Replay.Cli;
using TradeFlow.Replay.Tests.Support;

namespace TradeFlow.Replay.Tests;

/// <summary><c>determinism</c>: the built-in projections replay identically; a non-deterministic one is named with its first diverging position.</summary>
public sealed class DeterminismTests : IDisposable
{
    private readonly TestHistory _history = TestHistory.Embedded().Run(60);

    public DeterminismTests() => _history.Stop();

    public void Dispose() => _history.Dispose();

    [Fact]
    public void The_built_in_projections_replay_to_the_same_state_hashes()
    {
        var result = Tool.Run(["determinism", .. _history.StoreArgs]);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.StartsWith("DETERMINISTIC: accounting, exposure, settlement replayed twice", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_deterministic_projection_is_named_with_the_first_position_where_it_diverges()
    {
        var result = Tool.Run((output, error) => new ReplayEnvironment(output, error) { ExtraProjections = [_ => new FlakyProjection()] },
            ["determinism", .. _history.StoreArgs, "--json", "--check-every", "10"]);

        Assert.Equal(ExitCodes.ProblemsFound, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var divergence = Assert.Single(json.RootElement.GetProperty("divergences").EnumerateArray());
        Assert.Equal("flaky", divergence.GetProperty("projection").GetString());
        Assert.Equal(FlakyProjection.FromPosition, divergence.GetProperty("position").GetInt64());
    }

    [Fact]
    public void Saved_live_states_are_compared_at_their_checkpoints()
    {
        var directory = Path.Combine(_history.DataDirectory!, "projections");
        Assert.Equal(ExitCodes.Ok, Tool.Run(["rebuild", .. _history.StoreArgs, "--target", "files", "--out", directory]).ExitCode);

        var result = Tool.Run(["determinism", .. _history.StoreArgs, "--against-files", directory]);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Contains("compared with 3 saved live state(s)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Determinism_runs_against_postgres()
    {
        var schema = TestPostgres.NewSchema();
        try
        {
            using var postgres = TestHistory.Postgres(schema).Run(30);
            postgres.Stop();

            var result = Tool.Run(["determinism", .. postgres.StoreArgs, "--projection", "exposure"]);

            Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        }
        finally
        {
            TestPostgres.DropSchema(schema);
        }
    }
}
