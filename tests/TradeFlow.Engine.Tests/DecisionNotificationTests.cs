using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.InMemory;
using TradeFlow.Engine.Tests.Support;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Engine.Tests;

public sealed class DecisionNotificationTests
{
    [Fact]
    public async Task A_decision_is_announced_while_its_commit_is_in_flight_and_completed_only_after_it()
    {
        var journal = new GatedJournal(new InMemoryEventStore());
        using var harness = EngineHarness.Start(journal);
        var recorder = new DecisionRecorder();

        harness.Engine.Submit(new EngineCommand(new BookTradeBuilder().Build()), recorder, 1);
        Assert.True(await journal.WaitForAppendAsync());

        // Inside the append: decided, not durable, not completed.
        var decided = await recorder.Decided(1);
        Assert.True(decided.IsAccepted);
        Assert.Equal(GlobalPosition.Start, decided.Position);
        Assert.Equal(GlobalPosition.Start, journal.Inner.HeadPosition);

        journal.Open();
        var completed = await recorder.Completed(1);
        Assert.True(recorder.DecidedBeforeCompleted(1));
        Assert.Equal(decided.TradeId, completed.TradeId);
        Assert.Equal(GlobalPosition.FromInt64(1), completed.Position);
    }

    [Fact]
    public async Task A_decided_command_whose_commit_fails_completes_as_failed()
    {
        using var harness = EngineHarness.Start(new FailingJournal(new InMemoryEventStore()));
        var recorder = new DecisionRecorder();

        harness.Engine.Submit(new EngineCommand(new BookTradeBuilder().Build()), recorder, 1);

        Assert.True((await recorder.Decided(1)).IsAccepted);
        Assert.Equal(CommandStatus.Failed, (await recorder.Completed(1)).Status);
    }

    [Fact]
    public async Task A_command_refused_by_a_faulted_engine_is_never_announced_as_decided()
    {
        using var harness = EngineHarness.Start(new FailingJournal(new InMemoryEventStore()));
        var recorder = new DecisionRecorder();
        harness.Engine.Submit(new EngineCommand(new BookTradeBuilder().Build()), recorder, 1);
        Assert.Equal(CommandStatus.Failed, (await recorder.Completed(1)).Status);

        // Submitted before the fault was visible to Submit, or refused by it: either way never decided.
        try
        {
            harness.Engine.Submit(new EngineCommand(new BookTradeBuilder().Build()), recorder, 2);
            Assert.Equal(CommandStatus.Failed, (await recorder.Completed(2)).Status);
        }
        catch (EngineNotRunningException)
        {
        }

        Assert.False(recorder.WasDecided(2));
    }

    [Fact]
    public async Task A_duplicate_of_a_command_whose_commit_fails_is_not_acknowledged_either()
    {
        // The first commit waits at the gate, so the original and its duplicate queue up behind it; their commit fails.
        var journal = new GatedJournal(new FailingJournal(new InMemoryEventStore(), successes: 1));
        using var harness = EngineHarness.Start(journal);
        var recorder = new DecisionRecorder();
        harness.Engine.Submit(new EngineCommand(new BookTradeBuilder().Build()), recorder, 0);
        Assert.True(await journal.WaitForAppendAsync());
        var original = new BookTradeBuilder().WithSourceKey("DUP-1").Build();
        harness.Engine.Submit(new EngineCommand(original), recorder, 1);
        harness.Engine.Submit(new EngineCommand(original), recorder, 2);

        journal.Open();

        Assert.True((await recorder.Completed(0)).IsAccepted);
        Assert.Equal(CommandStatus.Failed, (await recorder.Completed(1)).Status);
        Assert.Equal(CommandStatus.Failed, (await recorder.Completed(2)).Status);
    }
}
