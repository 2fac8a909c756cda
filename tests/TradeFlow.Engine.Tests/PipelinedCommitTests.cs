using TradeFlow.EventSourcing;
using TradeFlow.Engine.Tests.Support;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Engine.Tests;

/// <summary>
/// The pipelined group commit over the real embedded journal: the journal stage writes, the sync stage makes durable,
/// and the fsync is held at a gate by the test. The bar: nothing is acked before the fsync that covers its bytes returned.
/// </summary>
public sealed class PipelinedCommitTests : IDisposable
{
    private readonly GatedFsync _fsync = new();

    public void Dispose() => _fsync.Dispose();

    [Fact]
    public async Task An_ack_waits_for_the_fsync_that_covers_its_write_and_readers_do_not_see_the_event_before()
    {
        using var harness = EngineHarness.Start(_fsync.Journal, pipelinedCommits: true);
        var completion = new RecordingCompletion();

        harness.Engine.Submit(new EngineCommand(new BookTradeBuilder().Build()), completion, 1);
        Assert.True(await _fsync.WaitForFsyncAsync());

        // Written (the page cache has it) but its fsync has not returned: no ack, and no reader sees it.
        Assert.Equal(GlobalPosition.FromInt64(1), _fsync.Journal.WrittenPosition);
        Assert.False(completion.HasCompleted(1));
        Assert.Equal(GlobalPosition.Start, _fsync.Journal.HeadPosition);
        Assert.Empty(_fsync.Journal.ReadAll(GlobalPosition.Start, Direction.Forwards));
        Assert.Equal(StreamVersion.None, _fsync.Journal.GetStreamVersion("trade-T000000000001"));

        _fsync.Open();
        var outcome = await completion.WaitFor(1);
        Assert.True(outcome.IsAccepted);
        Assert.Equal(GlobalPosition.FromInt64(1), outcome.Position);
        Assert.Equal(GlobalPosition.FromInt64(1), _fsync.Journal.HeadPosition);
    }

    [Fact]
    public async Task The_next_batch_is_written_while_the_previous_fsync_runs_and_both_are_acked_after_it()
    {
        using var harness = EngineHarness.Start(_fsync.Journal, pipelinedCommits: true);
        var completion = new RecordingCompletion();
        harness.Engine.Submit(new EngineCommand(new BookTradeBuilder().Build()), completion, 1);
        Assert.True(await _fsync.WaitForFsyncAsync());

        harness.Engine.Submit(new EngineCommand(new BookTradeBuilder().Build()), completion, 2);
        Assert.True(SpinWait.SpinUntil(() => _fsync.Journal.WrittenPosition.Value == 2, EngineHarness.Timeout),
            "the second batch was not written while the first fsync ran");

        Assert.Equal(0, completion.Count);
        Assert.Equal(GlobalPosition.Start, _fsync.Journal.HeadPosition);
        _fsync.Open();
        Assert.True((await completion.WaitFor(1)).IsAccepted);
        Assert.True((await completion.WaitFor(2)).IsAccepted);
        harness.Engine.Stop(EngineHarness.Timeout);
        Assert.Equal(2, harness.Engine.Writes);
        Assert.Equal(2, harness.Engine.Metrics.EventsCommitted);
        Assert.Equal(GlobalPosition.FromInt64(2), _fsync.Journal.HeadPosition);
    }

    [Fact]
    public async Task A_write_waits_while_an_earlier_write_already_waits_for_the_next_fsync_so_the_group_grows_instead()
    {
        using var harness = EngineHarness.Start(_fsync.Journal, pipelinedCommits: true);
        var recorder = new DecisionRecorder();
        harness.Engine.Submit(new EngineCommand(new BookTradeBuilder().Build()), recorder, 1);
        Assert.True(await _fsync.WaitForFsyncAsync());
        harness.Engine.Submit(new EngineCommand(new BookTradeBuilder().Build()), recorder, 2);
        Assert.True(SpinWait.SpinUntil(() => _fsync.Journal.WrittenPosition.Value == 2, EngineHarness.Timeout));

        harness.Engine.Submit(new EngineCommand(new BookTradeBuilder().Build()), recorder, 3);
        await recorder.Decided(3);

        // The journal stage heard the third decision just before its commit, and holds the write: the second write
        // still waits for the first fsync to return, and the third would only share the fsync that follows.
        Assert.Equal(GlobalPosition.FromInt64(2), _fsync.Journal.WrittenPosition);
        _fsync.Open();
        foreach (var token in new long[] { 1, 2, 3 })
        {
            Assert.True((await recorder.Completed(token)).IsAccepted);
        }

        Assert.Equal(GlobalPosition.FromInt64(3), _fsync.Journal.HeadPosition);
    }

    [Fact]
    public async Task A_failed_fsync_fails_its_batch_and_the_batch_written_behind_it_and_acks_neither()
    {
        Exception? reported = null;
        using var harness = EngineHarness.Start(_fsync.Journal, onFault: ex => reported = ex, pipelinedCommits: true);
        var completion = new RecordingCompletion();
        Assert.True((await SendAndRelease(harness, completion, 0)).IsAccepted);

        _fsync.FailWith(new IOException("fsync: Input/output error (simulated)."));
        harness.Engine.Submit(new EngineCommand(new BookTradeBuilder().Build()), completion, 1);
        Assert.True(await _fsync.WaitForFsyncAsync());
        harness.Engine.Submit(new EngineCommand(new BookTradeBuilder().Build()), completion, 2);
        Assert.True(SpinWait.SpinUntil(() => _fsync.Journal.WrittenPosition.Value == 3, EngineHarness.Timeout),
            "batch n+1 was not written while batch n's fsync ran");
        _fsync.Open();

        foreach (var token in new long[] { 1, 2 })
        {
            var outcome = await completion.WaitFor(token);
            Assert.Equal(CommandStatus.Failed, outcome.Status);
            Assert.Contains("Input/output error", outcome.Error, StringComparison.Ordinal);
        }

        Assert.Equal(EngineState.Faulted, harness.Engine.State);
        Assert.Same(harness.Engine.Fault, reported);
        Assert.Equal(GlobalPosition.FromInt64(1), _fsync.Journal.HeadPosition);
        Assert.Single(_fsync.Journal.ReadAll(GlobalPosition.Start, Direction.Forwards));
        Assert.Throws<EngineNotRunningException>(
            () => harness.Engine.Submit(new EngineCommand(new BookTradeBuilder().Build()), completion, 3));
    }

    [Fact]
    public async Task A_duplicate_of_a_command_whose_fsync_is_in_flight_is_answered_only_after_that_fsync()
    {
        using var harness = EngineHarness.Start(_fsync.Journal, pipelinedCommits: true);
        var recorder = new DecisionRecorder();
        var capture = new BookTradeBuilder().WithSourceKey("FIX:CLIENT1:571=TR-P1").Build();
        harness.Engine.Submit(new EngineCommand(capture), recorder, 1);
        Assert.True(await _fsync.WaitForFsyncAsync());

        harness.Engine.Submit(new EngineCommand(capture), recorder, 2);
        Assert.True((await recorder.Decided(2)).IsDuplicate);

        // The duplicate passed the journal stage (it heard OnDecided there) with nothing to write; its original's
        // fsync is still held, so neither may be answered yet.
        Assert.False(recorder.Completed(1).IsCompleted);
        Assert.False(recorder.Completed(2).IsCompleted);
        _fsync.Open();
        Assert.True((await recorder.Completed(1)).IsAccepted);
        Assert.True((await recorder.Completed(2)).IsDuplicate);
    }

    [Fact]
    public async Task A_duplicate_of_a_command_whose_fsync_fails_fails_too()
    {
        using var harness = EngineHarness.Start(_fsync.Journal, pipelinedCommits: true);
        var recorder = new DecisionRecorder();
        var capture = new BookTradeBuilder().WithSourceKey("FIX:CLIENT1:571=TR-P2").Build();
        _fsync.FailWith(new IOException("fsync: Input/output error (simulated)."));
        harness.Engine.Submit(new EngineCommand(capture), recorder, 1);
        Assert.True(await _fsync.WaitForFsyncAsync());

        harness.Engine.Submit(new EngineCommand(capture), recorder, 2);
        Assert.True((await recorder.Decided(2)).IsDuplicate);
        _fsync.Open();

        Assert.Equal(CommandStatus.Failed, (await recorder.Completed(1)).Status);
        Assert.Equal(CommandStatus.Failed, (await recorder.Completed(2)).Status);
    }

    [Fact]
    public async Task Many_commands_are_all_acked_durable_in_order_over_the_pipelined_journal()
    {
        _fsync.Open();
        var subscriber = new RecordingSubscriber();
        using var harness = EngineHarness.Start(_fsync.Journal, subscribers: [subscriber], pipelinedCommits: true);
        var completion = new RecordingCompletion();

        for (var i = 0; i < 2_000; i++)
        {
            harness.Engine.Submit(new EngineCommand(new BookTradeBuilder().Build()), completion, i);
        }

        for (var i = 0; i < 2_000; i++)
        {
            // Booked or refused (the reference data's limits bind after a while): either way journaled and durable.
            var outcome = await completion.WaitFor(i);
            Assert.NotEqual(CommandStatus.Failed, outcome.Status);
            Assert.InRange(outcome.Position.Value, 1, _fsync.Journal.HeadPosition.Value);
        }

        Assert.Equal(Enumerable.Range(1, 2_000).Select(i => (long)i), subscriber.Events.Select(e => e.Position.Value));
        harness.Engine.Stop(EngineHarness.Timeout);
        Assert.True(harness.Engine.Commits <= harness.Engine.Writes, "more durable points than writes");
        Assert.Equal(2_000, harness.Engine.Metrics.EventsCommitted);
    }

    private async Task<CommandOutcome> SendAndRelease(EngineHarness harness, RecordingCompletion completion, long token)
    {
        harness.Engine.Submit(new EngineCommand(new BookTradeBuilder().Build()), completion, token);
        Assert.True(await _fsync.WaitForFsyncAsync());
        _fsync.Open();
        var outcome = await completion.WaitFor(token);
        _fsync.Close();
        return outcome;
    }
}
