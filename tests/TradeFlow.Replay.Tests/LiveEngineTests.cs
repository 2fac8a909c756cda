using TradeFlow.Replay.Cli;
using TradeFlow.Replay.Tests.Support;

namespace TradeFlow.Replay.Tests;

/// <summary>The tool is read-only by construction: it runs beside an engine that keeps writing to the same journal.</summary>
public sealed class LiveEngineTests : IDisposable
{
    private readonly TestHistory _history = TestHistory.Embedded().Run(40);

    public void Dispose() => _history.Dispose();

    [Fact]
    public async Task Verify_and_export_run_beside_a_live_engine_that_keeps_writing()
    {
        var writer = Task.Run(() => _history.Run(60));
        var results = new List<ToolResult>();
        for (var i = 0; i < 3; i++)
        {
            results.Add(Tool.Run(["verify", .. _history.StoreArgs]));
            results.Add(Tool.Run(["export", .. _history.StoreArgs, "--format", "jsonl"]));
        }

        await writer.WaitAsync(TimeSpan.FromSeconds(60));
        _history.Run(5);

        Assert.All(results, r => Assert.True(r.ExitCode == ExitCodes.Ok, r.ToString()));
        Assert.Equal(TradeFlow.Engine.EngineState.Running, _history.Engine.State);
        _history.Stop();
        Assert.Equal(ExitCodes.Ok, Tool.Run(["verify", .. _history.StoreArgs]).ExitCode);
    }
}
