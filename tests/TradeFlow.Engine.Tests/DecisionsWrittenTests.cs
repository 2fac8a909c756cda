using TradeFlow.EventSourcing.InMemory;
using TradeFlow.Engine.Tests.Support;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Engine.Tests;

/// <summary>
/// <see cref="ICommandDecisionsWritten"/>: a gateway that stored its answers at <see cref="ICommandDecision.OnDecided"/>
/// hears, on the journal thread, when the commit is written and its fsync is about to start — so that its own store's
/// bytes reach the file system before that fsync. The notice is never an acknowledgement.
/// </summary>
public sealed class DecisionsWrittenTests
{
    [Fact]
    public async Task The_decisions_are_announced_written_after_the_journal_write_and_before_its_fsync()
    {
        using var fsync = new GatedFsync();
        using var harness = EngineHarness.Start(fsync.Journal);
        using var recorder = new WrittenRecorder(fsync.Journal, fsync);

        harness.Engine.Submit(new EngineCommand(new BookTradeBuilder().Build()), recorder, 1);
        Assert.True(await recorder.WaitForNoticeAsync());

        // Written (the trade's event is at position 1), not durable, and the fsync has not started yet.
        Assert.Equal((1L, 0L, 0), recorder.Notices[0]);
        Assert.True(await fsync.WaitForFsyncAsync());
        Assert.DoesNotContain("completed 1", recorder.Heard);

        fsync.Open();
        Assert.True((await recorder.Completed(1)).IsAccepted);
        Assert.Equal(["decided 1", "written", "completed 1"], recorder.Heard);
    }

    [Fact]
    public async Task A_failed_fsync_after_the_notice_still_fails_the_command()
    {
        using var fsync = new GatedFsync();
        using var harness = EngineHarness.Start(fsync.Journal);
        using var recorder = new WrittenRecorder(fsync.Journal, fsync);
        harness.Engine.Submit(new EngineCommand(new BookTradeBuilder().Build()), recorder, 1);
        Assert.True(await recorder.WaitForNoticeAsync());

        fsync.FailWith(new IOException("fsync failed (simulated)."));
        fsync.Open();

        Assert.Equal(CommandStatus.Failed, (await recorder.Completed(1)).Status);
        Assert.Equal(["decided 1", "written", "completed 1"], recorder.Heard);
    }

    [Fact]
    public async Task A_duplicate_with_nothing_to_write_is_announced_written_before_it_completes()
    {
        using var harness = EngineHarness.Start(new InMemoryEventStore());
        using var recorder = new WrittenRecorder();
        var command = new BookTradeBuilder().WithSourceKey("DUP-W").Build();
        harness.Engine.Submit(new EngineCommand(command), recorder, 1);
        await recorder.Completed(1);

        harness.Engine.Submit(new EngineCommand(command), recorder, 2);
        await recorder.Completed(2);

        var heard = recorder.Heard.ToList();
        var decided = heard.IndexOf("decided 2");
        Assert.True(decided >= 0);
        Assert.Equal("written", heard[decided + 1]);
        Assert.Equal("completed 2", heard[decided + 2]);
    }

    [Fact]
    public async Task A_commit_that_fails_is_still_announced_after_its_decisions()
    {
        using var harness = EngineHarness.Start(new FailingJournal(new InMemoryEventStore()));
        using var recorder = new WrittenRecorder();

        harness.Engine.Submit(new EngineCommand(new BookTradeBuilder().Build()), recorder, 1);

        Assert.Equal(CommandStatus.Failed, (await recorder.Completed(1)).Status);
        Assert.Equal(["decided 1", "written", "completed 1"], recorder.Heard);
    }
}
