using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.InMemory;
using TradeFlow.Engine.Tests.Support;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Engine.Tests;

public abstract class DurabilityTests : ChecksPlacementContract
{
    private protected DurabilityTests(CheckPlacement placement)
        : base(placement)
    {
    }

    [Fact]
    public async Task No_command_is_acked_before_its_commit_returns()
    {
        var journal = new GatedJournal(new InMemoryEventStore());
        using var harness = Start(journal);
        var completion = new RecordingCompletion();

        harness.Engine.Submit(new EngineCommand(new BookTradeBuilder().Build()), completion, 1);
        Assert.True(await journal.WaitForAppendAsync());

        // The journal stage is inside the append and the store has nothing yet: no ack may exist.
        Assert.False(completion.HasCompleted(1));
        Assert.Equal(0, completion.Count);
        Assert.Equal(GlobalPosition.Start, journal.Inner.HeadPosition);

        journal.Open();
        var outcome = await completion.WaitFor(1);
        Assert.True(outcome.IsAccepted);
        Assert.Equal(1, journal.CompletedAppends);
        Assert.Equal(GlobalPosition.FromInt64(1), outcome.Position);
    }

    [Fact]
    public async Task A_full_ring_refuses_TrySubmit_and_nothing_is_lost()
    {
        var journal = new GatedJournal(new InMemoryEventStore());
        using var harness = Start(journal, ringSize: 8);
        var completion = new RecordingCompletion();
        harness.Engine.Submit(new EngineCommand(new BookTradeBuilder().Build()), completion, 0);
        Assert.True(await journal.WaitForAppendAsync());

        var accepted = 1;
        var refused = false;
        for (var i = 1; i < 100 && !refused; i++)
        {
            refused = !harness.Engine.TrySubmit(new EngineCommand(new BookTradeBuilder().Build()), completion, i);
            accepted += refused ? 0 : 1;
        }

        Assert.True(refused, "TrySubmit never reported a full ring");
        Assert.Equal(8, accepted);
        journal.Open();
        for (var token = 0; token < accepted; token++)
        {
            Assert.True((await completion.WaitFor(token)).IsAccepted);
        }

        Assert.Equal(accepted, harness.AllEvents().Count);
    }

    [Fact]
    public async Task A_store_failure_fails_the_command_and_faults_the_engine()
    {
        Exception? reported = null;
        using var harness = Start(new FailingJournal(new InMemoryEventStore(), successes: 1),
            onFault: ex => reported = ex);
        Assert.True((await harness.Send(new BookTradeBuilder().Build())).IsAccepted);

        var outcome = await harness.Send(new BookTradeBuilder().Build());

        Assert.Equal(CommandStatus.Failed, outcome.Status);
        Assert.Contains("No space left on device", outcome.Error, StringComparison.Ordinal);
        Assert.Equal(EngineState.Faulted, harness.Engine.State);
        Assert.IsType<IOException>(harness.Engine.Fault);
        Assert.Same(harness.Engine.Fault, reported);
        var refusal = Assert.Throws<EngineNotRunningException>(
            () => harness.Engine.Submit(new EngineCommand(new BookTradeBuilder().Build()), new RecordingCompletion(), 1));
        Assert.Equal(EngineState.Faulted, refusal.State);
    }

    [Fact]
    public async Task A_conflicting_write_by_another_writer_faults_the_engine_rather_than_ack()
    {
        var store = new InMemoryEventStore();
        using var harness = Start(store);
        await harness.Book(new BookTradeBuilder().Build());

        // Someone else appends to the engine's next trade stream behind its back.
        store.AppendMultiple([new StreamAppend("trade-T000000000002", ExpectedVersion.Any,
            [new EventData(Guid.NewGuid(), "Intruder", 1, "{}"u8.ToArray(), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch)])]);
        var outcome = await harness.Send(new BookTradeBuilder().Build());

        Assert.Equal(CommandStatus.Failed, outcome.Status);
        Assert.Equal(EngineState.Faulted, harness.Engine.State);
        Assert.Contains("refused the engine's commit", harness.Engine.Fault!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribers_see_committed_events_in_global_order_before_the_ack()
    {
        var subscriber = new RecordingSubscriber();
        using var harness = Start(subscribers: [subscriber]);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => harness.Send(new BookTradeBuilder().Build())));

        var positions = subscriber.Events.Select(e => e.Position.Value).ToArray();
        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), positions);
        Assert.All(outcomes, o => Assert.Contains(subscriber.Events, e => e.Position == o.Position));
    }

    [Fact]
    public async Task A_failing_subscriber_is_reported_and_does_not_stop_the_acks()
    {
        var failing = new RecordingSubscriber(_ => true);
        using var harness = Start(subscribers: [failing]);

        var first = await harness.Send(new BookTradeBuilder().Build());
        var second = await harness.Send(new BookTradeBuilder().Build());

        Assert.True(first.IsAccepted && second.IsAccepted);
        Assert.Equal(2, harness.Engine.CallbackErrors.Count);
        Assert.Equal(EngineState.Running, harness.Engine.State);
    }

    [Fact]
    public void Submitting_before_start_or_after_stop_is_refused()
    {
        using var engine = new TradeEngine(new EngineOptions(new InMemoryEventStore(), new ReferenceDataBuilder().Build(),
            new Testing.Time.FakeClock()) { CheckPlacement = Placement });
        var command = new EngineCommand(new BookTradeBuilder().Build());

        Assert.Equal(EngineState.Created, Assert.Throws<EngineNotRunningException>(
            () => engine.Submit(command, new RecordingCompletion(), 0)).State);
        engine.Start();
        engine.Stop(EngineHarness.Timeout);
        Assert.Equal(EngineState.Stopped, Assert.Throws<EngineNotRunningException>(
            () => engine.TrySubmit(command, new RecordingCompletion(), 0)).State);
    }

    /// <summary>The contract with risk and compliance on one stage thread.</summary>
    public sealed class OneCheckThread() : DurabilityTests(CheckPlacement.SharedThread);

    /// <summary>The contract with risk and compliance on a thread each.</summary>
    public sealed class TwoCheckThreads() : DurabilityTests(CheckPlacement.ThreadEach);

    /// <summary>The contract with risk and compliance run on the decide thread.</summary>
    public sealed class ChecksOnDecideThread() : DurabilityTests(CheckPlacement.DecideThread);
}
