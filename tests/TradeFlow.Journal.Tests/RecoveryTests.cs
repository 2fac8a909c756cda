using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.TestKit;

namespace TradeFlow.Journal.Tests;

public sealed class RecoveryTests : IDisposable
{
    private readonly TempJournal _dir = new(segmentSize: 8 * 1024);

    public void Dispose() => _dir.Delete();

    private static List<EventData> Fill(EventJournal journal, int commits, int eventsPerCommit = 2)
    {
        var all = new List<EventData>();
        for (var i = 0; i < commits; i++)
        {
            var events = TestEvents.Events(eventsPerCommit, payloadSize: 100);
            journal.AppendMultiple([new StreamAppend($"trade-T{i % 7}", ExpectedVersion.Any, events)]).EnsureSuccess();
            all.AddRange(events);
        }

        return all;
    }

    [Fact]
    public void Reopening_reads_back_every_event_across_segments_from_the_checkpoint()
    {
        List<EventData> written;
        using (var journal = _dir.Open())
        {
            written = Fill(journal, 60);
        }

        using var reopened = _dir.Open();

        Assert.True(_dir.Segments().Length > 1);
        Assert.True(reopened.Recovery.LoadedFromCheckpoint);
        Assert.Equal(0, reopened.Recovery.RecordsVerified);
        Assert.Equal(written.Select(e => e.EventId), reopened.ReadAll(GlobalPosition.Start, Direction.Forwards).Select(e => e.EventId));
        Assert.Equal(written.Count, reopened.Recovery.EventCount);
    }

    [Fact]
    public void Without_a_checkpoint_every_record_is_verified_and_the_index_rebuilt()
    {
        using (var journal = _dir.Open())
        {
            Fill(journal, 30);
        }

        _dir.DeleteCheckpoint();
        using var reopened = _dir.Open();

        Assert.False(reopened.Recovery.LoadedFromCheckpoint);
        Assert.Equal(60, reopened.Recovery.RecordsVerified);
        Assert.Equal(60, Enumerable.Range(0, 7).Sum(s => reopened.ReadStream($"trade-T{s}", Direction.Forwards, 0).Count()));
        Assert.Equal(9, reopened.GetStreamVersion("trade-T0"));
        Assert.Equal(7, reopened.Recovery.StreamCount);
    }

    [Fact]
    public void A_stale_checkpoint_is_used_and_only_later_records_are_verified()
    {
        var checkpoint = Path.Combine(_dir.JournalDirectory, "index.tfi");
        using (var journal = _dir.Open())
        {
            Fill(journal, 10);
        }

        File.Copy(checkpoint, checkpoint + ".old");
        using (var journal = _dir.Open())
        {
            Fill(journal, 5);
        }

        File.Move(checkpoint + ".old", checkpoint, overwrite: true);
        using var reopened = _dir.Open();

        Assert.True(reopened.Recovery.LoadedFromCheckpoint);
        Assert.Equal(10, reopened.Recovery.RecordsVerified);
        Assert.Equal(30, reopened.Recovery.EventCount);
    }

    [Fact]
    public void Appending_after_a_reopen_continues_positions_versions_and_the_hash_chain()
    {
        using (var journal = _dir.Open())
        {
            Fill(journal, 3);
        }

        using (var journal = _dir.Open())
        {
            var result = journal.AppendMultiple([new StreamAppend("trade-T0", ExpectedVersion.At(1), TestEvents.Events(1))]).EnsureSuccess();
            Assert.Equal(GlobalPosition.FromInt64(7), result.LastPosition);
        }

        _dir.DeleteCheckpoint();
        using var verified = _dir.OpenFull();
        Assert.Equal(7, verified.Recovery.RecordsVerified);
    }

    [Fact]
    public void A_second_writer_is_refused_with_the_lock_path_and_the_holders_pid()
    {
        using var first = _dir.Open();

        var error = Assert.Throws<JournalLockedException>(() => _dir.Open());

        Assert.Equal(Path.Combine(_dir.JournalDirectory, "journal.lock"), error.LockPath);
        Assert.Equal(Environment.ProcessId, error.HolderProcessId);
        Assert.Contains("journal.lock", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reader_opens_while_the_writer_runs_and_sees_what_was_committed()
    {
        using var writer = _dir.Open();
        var written = Fill(writer, 20);

        using var reader = EventJournal.OpenReadOnly(_dir.Options);
        Fill(writer, 1);

        Assert.True(reader.IsReadOnly);
        Assert.Equal(written.Select(e => e.EventId), reader.ReadAll(GlobalPosition.Start, Direction.Forwards).Select(e => e.EventId));
        Assert.Throws<InvalidOperationException>(() => reader.AppendMultiple([new StreamAppend("trade-x", ExpectedVersion.Any, TestEvents.Events(1))]));
    }

    [Fact]
    public void An_interrupted_segment_creation_is_dropped_and_reported()
    {
        using (var journal = _dir.Open())
        {
            Fill(journal, 3);
        }

        var empty = Path.Combine(_dir.JournalDirectory, "segment-00000001.tfj");
        File.WriteAllBytes(empty, new byte[30]);
        using var reopened = _dir.Open();

        Assert.Equal(empty, reopened.Recovery.TruncatedSegment);
        Assert.Equal(30, reopened.Recovery.TruncatedBytes);
        Assert.False(File.Exists(empty));
        Assert.Equal(6, reopened.Recovery.EventCount);
    }

    [Fact]
    public void A_missing_segment_in_the_middle_is_corruption()
    {
        using (var journal = _dir.Open())
        {
            Fill(journal, 60);
        }

        File.Delete(_dir.Segments()[1]);

        var error = Assert.Throws<JournalCorruptException>(() => _dir.Open());
        Assert.Contains("segment-00000001.tfj", error.SegmentPath, StringComparison.Ordinal);
    }
}
