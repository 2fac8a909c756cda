using System.Text.Json;
using TradeFlow.Projections.Runtime;
using TradeFlow.Projections.Storage;
using TradeFlow.Replay.Cli;
using TradeFlow.Replay.Tests.Support;

namespace TradeFlow.Replay.Tests;

/// <summary><c>rebuild</c> interrupted part-way (Ctrl-C) resumes from its last saved checkpoint and ends where an uninterrupted one does.</summary>
public sealed class RebuildResumeTests : IDisposable
{
    private readonly TestHistory _history = TestHistory.Embedded();

    public void Dispose() => _history.Dispose();

    [Fact]
    public async Task An_interrupted_rebuild_resumes_from_its_checkpoint_and_ends_equal_to_an_uninterrupted_one()
    {
        _history.Run(40);
        var live = _history.Sample();
        var interrupted = Path.Combine(_history.DataDirectory!, "interrupted");
        var uninterrupted = Path.Combine(_history.DataDirectory!, "uninterrupted");
        Assert.True(live.Head.Value > 30, $"the history needs more than 30 events, has {live.Head.Value}");
        using var ctrlC = new CancellationTokenSource();

        var stopped = Tool.Run((output, error) => new ReplayEnvironment(output, error)
        {
            CancellationToken = ctrlC.Token,
            ExtraProjections = [_ => new CtrlCAfter(25, ctrlC)],
        }, ["rebuild", .. _history.StoreArgs, "--target", "files", "--out", interrupted, "--save-every", "7", "--json"]);
        var resumed = Results(Tool.Run(["rebuild", .. _history.StoreArgs, "--target", "files", "--out", interrupted, "--json"]));
        var whole = Results(Tool.Run(["rebuild", .. _history.StoreArgs, "--target", "files", "--out", uninterrupted, "--json"]));

        Assert.Equal(ExitCodes.Cancelled, stopped.ExitCode);
        Assert.All(resumed, r => Assert.Equal(("Resumed", 21L), (r.GetProperty("start").GetString(), r.GetProperty("from").GetInt64())));
        Assert.Equal(Hashes(whole), Hashes(resumed));
        Assert.Equal(live.StateHashes, Hashes(resumed));
        using var resumedFiles = new FileProjectionStore(interrupted);
        using var wholeFiles = new FileProjectionStore(uninterrupted);
        foreach (var name in live.StateHashes.Keys)
        {
            var (a, b) = ((await resumedFiles.LoadAsync(name))!, (await wholeFiles.LoadAsync(name))!);
            Assert.Equal((live.Head, b.StateHash), (a.Checkpoint, a.StateHash));
            Assert.Equal(b.State.ToArray(), a.State.ToArray());
        }
    }

    private static List<JsonElement> Results(ToolResult result)
    {
        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        return JsonDocument.Parse(result.Stdout).RootElement.EnumerateArray().ToList();
    }

    private static Dictionary<string, string> Hashes(List<JsonElement> results) =>
        results.ToDictionary(r => r.GetProperty("projection").GetString()!, r => r.GetProperty("stateHash").GetString()!);

    // Presses Ctrl-C (cancels the run's token) when it has folded its n-th event: a deterministic point mid-rebuild.
    private sealed class CtrlCAfter(int n, CancellationTokenSource ctrlC) : IProjection
    {
        private int _applied;

        public string Name => "ctrl-c-after";

        public int Version => 1;

        public void Apply(in ProjectionEvent e)
        {
            if (++_applied == n)
            {
                ctrlC.Cancel();
            }
        }

        public void Reset() => _applied = 0;

        public byte[] SerializeState() => JsonSerializer.SerializeToUtf8Bytes(_applied);

        public void RestoreState(ReadOnlySpan<byte> state) => _applied = JsonSerializer.Deserialize<int>(state);
    }
}
