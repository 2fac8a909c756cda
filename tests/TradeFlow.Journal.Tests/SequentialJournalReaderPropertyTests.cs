using FsCheck;
using FsCheck.Fluent;
using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.TestKit;
using TradeFlow.Journal.Reading;

namespace TradeFlow.Journal.Tests;

public sealed class SequentialJournalReaderPropertyTests
{
    // A commit: 1-4 events on one of 5 streams, payloads from empty to larger than a 4 KiB segment (a record of its own).
    private static readonly Gen<(int Stream, int Events, int Payload)> Commit =
        from stream in Gen.Choose(0, 4)
        from events in Gen.Choose(1, 4)
        from payload in Gen.Frequency((8, Gen.Choose(0, 600)), (1, Gen.Choose(3000, 9000)))
        select (stream, events, payload);

    // Chunks from one byte (every record header and body read on its own, the buffer grown to each record) to larger
    // than most segments.
    private static readonly Gen<int> ChunkSize = Gen.Frequency((3, Gen.Choose(1, 300)), (2, Gen.Choose(301, 5000)), (1, Gen.Choose(5001, 70000)));

    [Fact]
    public void Any_history_read_in_any_chunk_size_gives_the_views_the_journal_itself_reads()
    {
        var histories = Gen.Choose(0, 40).SelectMany(n => Gen.ArrayOf(Commit, n));
        var property = Prop.ForAll(histories.ToArbitrary(), ChunkSize.ToArbitrary(), Gen.Elements(false, true).ToArbitrary(), (commits, chunkSize, checkChain) =>
        {
            var dir = new TempJournal(segmentSize: 4096);
            try
            {
                Write(dir, commits);
                using var journal = EventJournal.OpenReadOnly(dir.Options);
                using var reader = SequentialJournalReader.TryOpen(dir.Options, checkChain, chunkSize);
                Assert.NotNull(reader);
                Assert.Equal(journal.HeadPosition, reader.HeadPosition);
                Assert.Equal(SeenView.Read(journal, GlobalPosition.Start, long.MaxValue), SeenView.Read(reader, GlobalPosition.Start, long.MaxValue), SeenView.Comparer);
            }
            finally
            {
                dir.Delete();
            }
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(40), property);
    }

    private static void Write(TempJournal dir, (int Stream, int Events, int Payload)[] commits)
    {
        using var journal = dir.Open();
        foreach (var (stream, events, payload) in commits)
        {
            journal.AppendMultiple([new StreamAppend($"trade-Q{stream}", ExpectedVersion.Any, TestEvents.Events(events, payloadSize: payload))]).EnsureSuccess();
        }
    }
}
