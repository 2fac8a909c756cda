using TradeFlow.EventSourcing;
using TradeFlow.Projections.Runtime;
using TradeFlow.Projections.Storage;

namespace TradeFlow.Postgres.Tests.Projections;

/// <summary>Runs a daemon to a head and checks what it saved, for the daemon tests of either source.</summary>
internal static class DaemonRun
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    /// <summary>Runs <paramref name="daemon"/> until its checkpoint reaches <paramref name="head"/>, then stops it (saving).</summary>
    public static async Task UntilAsync(ProjectionDaemon daemon, GlobalPosition head)
    {
        using var stop = new CancellationTokenSource();
        var run = daemon.RunAsync(stop.Token);
        await Task.WhenAny(daemon.WaitForCheckpointAsync(head), run).WaitAsync(Generous);
        await stop.CancelAsync();
        await run.WaitAsync(Generous);
        Assert.Equal(head, daemon.Checkpoint);
    }

    /// <summary>Asserts the three projections are saved in <paramref name="store"/> at <paramref name="head"/>.</summary>
    public static async Task AssertSavedAtAsync(IProjectionStore store, GlobalPosition head)
    {
        foreach (var name in new[] { "accounting", "exposure", "settlement" })
        {
            Assert.Equal(head, (await store.LoadAsync(name))!.Checkpoint);
        }
    }
}
