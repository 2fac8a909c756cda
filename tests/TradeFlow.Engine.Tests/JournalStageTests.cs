using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Engine.Pipeline;
using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.InMemory;
using TradeFlow.Testing.Builders;
using TradeFlow.Testing.Time;

namespace TradeFlow.Engine.Tests;

/// <summary>The journal stage driven by hand, so batch boundaries are exact rather than whatever the threads produce.</summary>
public sealed class JournalStageTests : IDisposable
{
    private readonly LifecycleDriver _driver = new();
    private readonly InMemoryEventStore _store = new();
    private readonly EngineFault _fault = new(null);
    private readonly JournalStage _stage;

    public JournalStageTests() =>
        _stage = new JournalStage(_store, EventSourcing.Serialization.TradeEventSerializer.Instance, new FakeClock(), _fault,
            new CommitFigures(), progress: null);

    public void Dispose() => _store.Dispose();

    private CommandSlot Decided(TradeCommand command, string stream, ExpectedVersion expected)
    {
        var slot = new CommandSlot();
        slot.Load(new EngineCommand(command), new Support.RecordingCompletion(), 0);
        slot.Decision.Reset();
        slot.Decision.Kind = command.Kind;
        foreach (var evt in _driver.Send(command).Events)
        {
            slot.Decision.Add(evt, stream, expected);
        }

        return slot;
    }

    [Fact]
    public void A_batch_is_one_commit()
    {
        var slots = Enumerable.Range(0, 10)
            .Select(i => Decided(new BookTradeBuilder().Build(), $"trade-T{i + 1:000000000000}", ExpectedVersion.NoStream))
            .ToArray();

        for (var i = 0; i < slots.Length; i++)
        {
            _stage.OnEvent(slots[i], i, endOfBatch: i == slots.Length - 1);
        }

        Assert.Equal(1, _stage.Writes);
        Assert.Equal(10, _store.HeadPosition.Value);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), slots.Select(s => s.Journal.Committed[0].Position.Value));
    }

    [Fact]
    public void Batches_larger_than_an_event_chunk_commit_every_event_in_order_batch_after_batch()
    {
        // 700 and then 300 events: three of the stage's 256-event chunks, then the same chunks reused, and released
        // after each commit.
        var next = 1;
        foreach (var size in new[] { 700, 300 })
        {
            var first = next;
            var slots = Enumerable.Range(0, size)
                .Select(_ => Decided(new BookTradeBuilder().Build(), $"trade-T{next++:000000000000}", ExpectedVersion.NoStream))
                .ToArray();
            for (var i = 0; i < slots.Length; i++)
            {
                _stage.OnEvent(slots[i], i, endOfBatch: i == slots.Length - 1);
            }

            Assert.Equal(Enumerable.Range(first, size).Select(i => (long)i), slots.Select(s => s.Journal.Committed[0].Position.Value));
            Assert.Equal(Enumerable.Range(first, size).Select(i => $"trade-T{i:000000000000}"), slots.Select(s => s.Journal.Committed[0].StreamId));
            Assert.Equal(3, _stage.DataChunks);
            Assert.Equal(0, _stage.DataHeld);
        }

        Assert.Equal(2, _stage.Writes);
        Assert.Equal(1_000, _store.ReadAll(GlobalPosition.Start, Direction.Forwards).Select(e => e.EventId).Distinct().Count());
        Assert.Null(_fault.Fault);
    }

    [Fact]
    public void A_stream_touched_twice_in_a_batch_splits_the_commit_and_keeps_decision_order()
    {
        var book = Decided(new BookTradeBuilder().Build(), "trade-T000000000001", ExpectedVersion.NoStream);
        var amend = Decided(new AmendTrade(TradeId.First, "AMD", DateTimeOffset.UnixEpoch, new BookTradeBuilder().WithQuantity(10m).Terms),
            "trade-T000000000001", ExpectedVersion.At(0));
        var other = Decided(new BookTradeBuilder().Build(), "trade-T000000000002", ExpectedVersion.NoStream);

        _stage.OnEvent(book, 0, false);
        _stage.OnEvent(amend, 1, false);
        _stage.OnEvent(other, 2, true);

        Assert.Equal(2, _stage.Writes);
        Assert.Equal(["TradeBooked", "TradeAmended", "TradeBooked"], _store.ReadAll(GlobalPosition.Start, Direction.Forwards).Select(e => e.Type));
        Assert.Equal(1L, amend.Journal.Committed[0].StreamVersion);
        Assert.Null(_fault.Fault);
    }

    [Fact]
    public void Nothing_is_written_before_the_end_of_the_batch()
    {
        var slot = Decided(new BookTradeBuilder().Build(), "trade-T000000000001", ExpectedVersion.NoStream);

        _stage.OnEvent(slot, 0, endOfBatch: false);

        Assert.Equal(GlobalPosition.Start, _store.HeadPosition);
        Assert.Equal(0, slot.Journal.Count);
    }
}
