using TradeFlow.Engine.Pipeline;
using TradeFlow.EventSourcing;

namespace TradeFlow.Engine.Tests;

/// <summary>The sync stage driven by hand over a scripted store, so what the store's durable point covers is exact.</summary>
public sealed class SyncStageTests
{
    private readonly EngineFault _fault = new(null);
    private readonly SyncProgress _progress = new();

    private static CommandSlot Written(long durableAt)
    {
        var slot = new CommandSlot();
        slot.Journal.Reset(0);
        slot.Journal.DurableAt = durableAt;
        return slot;
    }

    [Fact]
    public void A_durable_point_beyond_its_target_releases_a_journal_write_waiting_on_a_write_the_stage_has_not_seen()
    {
        // The fsync for position 1 also covered write 2 (written before it started), whose slots come later.
        var store = new ScriptedJournal(durableHeads: [2]);
        var stage = new SyncStage(store, _fault, new CommitFigures(), _progress);

        stage.OnEvent(Written(1), 0, endOfBatch: true);

        Assert.Equal(2, _progress.Taken);
        _progress.WaitUntilTaken(2, _fault);
        var later = Written(2);
        stage.OnEvent(later, 1, endOfBatch: true);
        Assert.Null(later.DurabilityFailure);
        Assert.Equal(1, store.Calls);
    }

    [Fact]
    public void After_a_failed_fsync_every_later_slot_that_needs_durability_fails_without_asking_the_store()
    {
        var store = new ScriptedJournal(durableHeads: [], failure: new IOException("fsync failed (simulated)."));
        var stage = new SyncStage(store, _fault, new CommitFigures(), _progress);
        var first = Written(1);
        var second = Written(2);

        stage.OnEvent(first, 0, endOfBatch: true);
        stage.OnEvent(second, 1, endOfBatch: true);

        Assert.IsType<IOException>(first.DurabilityFailure);
        Assert.Same(first.DurabilityFailure, second.DurabilityFailure);
        Assert.Same(_fault.Fault, first.DurabilityFailure);
        Assert.Equal(1, store.Calls);
        Assert.True(_progress.Taken >= 2, "a journal write waiting on the failed sync stage must not hang");
    }

    private sealed class ScriptedJournal(long[] durableHeads, Exception? failure = null) : IPipelinedEventJournal
    {
        public int Calls { get; private set; }

        public GlobalPosition HeadPosition => GlobalPosition.Start;

        public GlobalPosition WrittenPosition => GlobalPosition.FromInt64(durableHeads.Length == 0 ? 0 : durableHeads[^1]);

        public GlobalPosition MakeDurable(GlobalPosition upTo) =>
            failure is not null && ++Calls > 0 ? throw failure : GlobalPosition.FromInt64(durableHeads[Calls++]);

        public MultiAppendResult Write(IReadOnlyList<StreamAppend> appends, AppendResult[] results) => throw new NotSupportedException();

        public MultiAppendResult AppendMultiple(IReadOnlyList<StreamAppend> appends) => throw new NotSupportedException();

        public MultiAppendResult AppendMultiple(IReadOnlyList<StreamAppend> appends, AppendResult[] results) => throw new NotSupportedException();

        public long GetStreamVersion(string stream) => StreamVersion.None;

        public IEnumerable<RecordedEvent> ReadStream(string stream, Direction direction, long fromVersion, long maxCount = long.MaxValue) => [];

        public IEnumerable<RecordedEvent> ReadAll(GlobalPosition from, Direction direction, long maxCount = long.MaxValue) => [];

        public void Dispose()
        {
        }
    }
}
