using TradeFlow.Engine.Tests.Support;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Engine.Tests;

public sealed class SubmitManyTests
{
    private static EngineCommand[] Captures(int count, string prefix) =>
        [.. Enumerable.Range(0, count).Select(i => new EngineCommand(new BookTradeBuilder().WithSourceKey($"{prefix}-{i}").Build(), "FIX:A", "JSMITH"))];

    [Fact]
    public async Task Commands_submitted_at_once_are_answered_each_with_its_token_in_submission_order()
    {
        // A ring of 8 claims 2 slots per step, so 50 commands take many steps and lap the ring several times.
        using var harness = EngineHarness.Start(ringSize: 8);
        var completion = new RecordingCompletion();

        harness.Engine.SubmitMany(Captures(50, "MANY"), completion, firstToken: 100);

        var outcomes = new List<CommandOutcome>();
        for (var token = 100; token < 150; token++)
        {
            outcomes.Add(await completion.WaitFor(token));
        }

        Assert.All(outcomes, o => Assert.True(o.IsAccepted, o.ToString()));
        var positions = outcomes.Select(o => o.Position.Value).ToArray();
        Assert.Equal(positions.Order(), positions);
        Assert.Equal(50, positions.Distinct().Count());
        Assert.Equal(50, completion.Count);
        Assert.Equal(50, harness.AllEvents().Count);
    }

    [Fact]
    public async Task A_bad_command_among_many_means_none_of_them_is_submitted()
    {
        using var harness = EngineHarness.Start();
        var commands = Captures(3, "BAD");
        commands[1] = new EngineCommand(new BookTradeBuilder().WithSourceKey("").Build(), "FIX:A", "JSMITH");
        var completion = new RecordingCompletion();

        Assert.Throws<ArgumentException>(() => harness.Engine.SubmitMany(commands, completion, 0));

        // The engine still answers a later command, and nothing before it reached the store.
        harness.Engine.Submit(Captures(1, "AFTER")[0], completion, 7);
        Assert.True((await completion.WaitFor(7)).IsAccepted);
        Assert.Equal(1, completion.Count);
        Assert.Single(harness.AllEvents());
    }

    [Fact]
    public async Task Submitting_many_at_once_allocates_nothing_on_the_producer_thread()
    {
        using var harness = EngineHarness.Start(ringSize: 4096);
        var commands = Captures(4_000, "ALLOC");
        var completion = new RecordingCompletion();
        harness.Engine.Submit(commands[0], completion, 0);
        await completion.WaitFor(0);
        harness.Engine.SubmitMany(commands.AsSpan(1, 1_999), NoOpCompletion.Instance, 1);

        var before = GC.GetAllocatedBytesForCurrentThread();
        harness.Engine.SubmitMany(commands.AsSpan(2_000), NoOpCompletion.Instance, 2_000);
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
