using FsCheck;
using FsCheck.Fluent;
using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.TestKit;

namespace TradeFlow.Journal.Tests;

public sealed class JournalPropertyTests
{
    // An operation is a small number: 0 = reopen after losing the checkpoint (a crash), 1 = clean reopen,
    // 2 = a conflicting append (must change nothing), otherwise an append of 1-4 events to one of 4 streams.
    private static readonly Arbitrary<int[]> Operations = Arb.From(Gen.ArrayOf(Gen.Choose(0, 15), 25));

    [Fact]
    public void Any_sequence_of_appends_and_reopenings_reads_back_exactly_what_was_committed_in_order()
    {
        var property = Prop.ForAll(Operations, operations =>
        {
            var dir = new TempJournal(segmentSize: 4096);
            try
            {
                return ReadsBackWhatWasCommitted(dir, operations);
            }
            finally
            {
                dir.Delete();
            }
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(25), property);
    }

    private static bool ReadsBackWhatWasCommitted(TempJournal dir, int[] operations)
    {
        var committed = new List<(string Stream, Guid Id)>();
        var journal = dir.Open();
        try
        {
            foreach (var operation in operations)
            {
                journal = Apply(dir, journal, operation, committed);
            }

            return Matches(journal, committed);
        }
        finally
        {
            journal.Dispose();
        }
    }

    private static EventJournal Apply(TempJournal dir, EventJournal journal, int operation, List<(string Stream, Guid Id)> committed)
    {
        if (operation <= 1)
        {
            journal.Dispose();
            if (operation == 0)
            {
                dir.DeleteCheckpoint();
            }

            return dir.Open();
        }

        var stream = $"trade-P{operation % 4}";
        if (operation == 2)
        {
            Assert.False(journal.AppendMultiple([new StreamAppend(stream, ExpectedVersion.At(999), TestEvents.Events(1))]).IsSuccess);
            return journal;
        }

        var events = TestEvents.Events(1 + (operation / 4 % 4), payloadSize: 40 + (operation * 37));
        var version = journal.GetStreamVersion(stream);
        journal.AppendMultiple([new StreamAppend(stream, version < 0 ? ExpectedVersion.NoStream : ExpectedVersion.At(version), events)]).EnsureSuccess();
        committed.AddRange(events.Select(e => (stream, e.EventId)));
        return journal;
    }

    private static bool Matches(EventJournal journal, List<(string Stream, Guid Id)> committed)
    {
        var all = journal.ReadAll(GlobalPosition.Start, Direction.Forwards).ToList();
        var inOrder = all.Select(e => (e.StreamId, e.EventId)).SequenceEqual(committed)
            && all.Select(e => e.Position.Value).SequenceEqual(Enumerable.Range(1, all.Count).Select(i => (long)i));
        var perStream = committed.GroupBy(c => c.Stream).All(g =>
            journal.ReadStream(g.Key, Direction.Forwards, 0).Select(e => e.EventId).SequenceEqual(g.Select(c => c.Id)));
        return inOrder && perStream;
    }
}
