namespace TradeFlow.EventSourcing.TestKit;

/// <summary>
/// The synchronous face (<see cref="IEventJournal"/>) that the engine's journal stage and the replay
/// tools use. Stores that implement it derive a class from this suite as well.
/// </summary>
public abstract class EventJournalContract : IDisposable
{
    private readonly Lazy<IEventJournal> _journal;

    /// <summary>Creates the suite; the journal is created on first use.</summary>
    protected EventJournalContract() => _journal = new Lazy<IEventJournal>(CreateJournal);

    /// <summary>The journal under test.</summary>
    protected IEventJournal Journal => _journal.Value;

    /// <summary>Creates a fresh, empty journal for one test.</summary>
    protected abstract IEventJournal CreateJournal();

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the journal.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing && _journal.IsValueCreated)
        {
            _journal.Value.Dispose();
        }
    }

    [Fact]
    public void A_reused_result_buffer_receives_one_result_per_stream()
    {
        var buffer = new AppendResult[8];
        var first = Journal.AppendMultiple([new StreamAppend("trade-a", ExpectedVersion.NoStream, TestEvents.Events(2))], buffer);
        var second = Journal.AppendMultiple(
        [
            new StreamAppend("trade-a", ExpectedVersion.At(1), TestEvents.Events(1)),
            new StreamAppend("trade-b", ExpectedVersion.NoStream, TestEvents.Events(1)),
        ], buffer);

        Assert.True(first.IsSuccess);
        Assert.Equal(2, second.Results.Length);
        Assert.Equal(2, second.Results.Span[0].NextExpectedVersion);
        Assert.Equal(GlobalPosition.FromInt64(4), second.LastPosition);
        Assert.Equal(GlobalPosition.FromInt64(4), Journal.HeadPosition);
    }

    [Fact]
    public void Positions_of_an_empty_store_start_at_1_and_are_dense()
    {
        Assert.Equal(GlobalPosition.Start, Journal.HeadPosition);
        Journal.AppendMultiple([new StreamAppend("trade-a", ExpectedVersion.NoStream, TestEvents.Events(3))]).EnsureSuccess();
        Journal.AppendMultiple([new StreamAppend("trade-b", ExpectedVersion.NoStream, TestEvents.Events(2))]).EnsureSuccess();

        Assert.Equal([1L, 2, 3, 4, 5], Journal.ReadAll(GlobalPosition.Start, Direction.Forwards).Select(e => e.Position.Value));
        Assert.Equal([5L, 4], Journal.ReadAll(GlobalPosition.End, Direction.Backwards, 2).Select(e => e.Position.Value));
    }

    [Fact]
    public void Synchronous_stream_reads_and_versions_match_what_was_appended()
    {
        var events = TestEvents.Events(3);
        Journal.AppendMultiple([new StreamAppend("trade-a", ExpectedVersion.NoStream, events)]).EnsureSuccess();

        Assert.Equal(2, Journal.GetStreamVersion("trade-a"));
        Assert.Equal(StreamVersion.None, Journal.GetStreamVersion("trade-missing"));
        Assert.Equal(events.Select(e => e.EventId), Journal.ReadStream("trade-a", Direction.Forwards, 0).Select(e => e.EventId));
        Assert.Empty(Journal.ReadStream("trade-missing", Direction.Backwards, StreamVersion.End));
    }

    [Fact]
    public void A_result_buffer_shorter_than_the_appends_is_refused()
    {
        Assert.ThrowsAny<ArgumentException>(() => Journal.AppendMultiple(
        [
            new StreamAppend("trade-a", ExpectedVersion.Any, TestEvents.Events(1)),
            new StreamAppend("trade-b", ExpectedVersion.Any, TestEvents.Events(1)),
        ], new AppendResult[1]));
    }
}
