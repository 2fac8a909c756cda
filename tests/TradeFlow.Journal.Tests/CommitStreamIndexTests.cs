using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.TestKit;

namespace TradeFlow.Journal.Tests;

/// <summary>
/// The commit indexes each stream from the entry its expectations check found (or adds the stream it did not find)
/// instead of looking it up again: a commit that mixes new streams, existing ones and an already-written retry must
/// still index every event at its stream version and global position, before and after a reopen.
/// </summary>
public sealed class CommitStreamIndexTests : IDisposable
{
    private readonly TempJournal _dir = new();

    public void Dispose() => _dir.Delete();

    [Fact]
    public void A_commit_of_new_existing_and_already_written_streams_indexes_every_event_where_it_was_written()
    {
        var retried = TestEvents.Events(1);
        using (var journal = _dir.Open())
        {
            journal.AppendMultiple([
                new StreamAppend("trade-A", ExpectedVersion.NoStream, TestEvents.Events(2)),
                new StreamAppend("trade-R", ExpectedVersion.NoStream, retried),
            ], new AppendResult[2]);

            var mixed = journal.AppendMultiple([
                new StreamAppend("trade-N1", ExpectedVersion.NoStream, TestEvents.Events(1)),
                new StreamAppend("trade-R", ExpectedVersion.NoStream, retried),
                new StreamAppend("trade-A", ExpectedVersion.At(1), TestEvents.Events(2)),
                new StreamAppend("trade-N2", ExpectedVersion.Any, TestEvents.Events(3)),
            ], new AppendResult[4]);

            Assert.True(mixed.IsSuccess);
            Assert.True(mixed.Results.Span[1].WasAlreadyWritten);
            AssertIndexed(journal);
        }

        using var reopened = _dir.Open();
        AssertIndexed(reopened);
    }

    // Positions: trade-A 1–2, trade-R 3, then trade-N1 4, trade-A 5–6, trade-N2 7–9 (the retry writes nothing).
    private static void AssertIndexed(EventJournal journal)
    {
        Assert.Equal([1L, 2, 5, 6], Positions(journal, "trade-A"));
        Assert.Equal([3L], Positions(journal, "trade-R"));
        Assert.Equal([4L], Positions(journal, "trade-N1"));
        Assert.Equal([7L, 8, 9], Positions(journal, "trade-N2"));
        Assert.Equal(3, journal.GetStreamVersion("trade-A"));
        Assert.Equal(2, journal.GetStreamVersion("trade-N2"));
    }

    private static long[] Positions(EventJournal journal, string stream)
    {
        var events = journal.ReadStream(stream, Direction.Forwards, 0).ToArray();
        Assert.Equal(Enumerable.Range(0, events.Length).Select(v => (long)v), events.Select(e => e.StreamVersion));
        return [.. events.Select(e => e.Position.Value)];
    }
}
