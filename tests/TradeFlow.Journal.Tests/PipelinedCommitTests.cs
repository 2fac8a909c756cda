using Microsoft.Win32.SafeHandles;
using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.TestKit;

namespace TradeFlow.Journal.Tests;

/// <summary>
/// The split commit (<see cref="IPipelinedEventJournal"/>): writes are invisible until a durable point covers them,
/// one fsync covers every write before it, a rolled segment is synced before its successor is, and a failed fsync
/// poisons the journal. The fsync is replaced through the journal's seam, which counts and can fail it.
/// </summary>
public sealed class PipelinedCommitTests : IDisposable
{
    private readonly TempJournal _dir = new(segmentSize: 8 * 1024);
    private readonly List<SafeFileHandle> _flushed = [];
    private Exception? _failure;

    public void Dispose() => _dir.Delete();

    private EventJournal Open()
    {
        var journal = _dir.Open();
        journal.FlushToDisk = handle =>
        {
            lock (_flushed)
            {
                _flushed.Add(handle);
            }

            if (Volatile.Read(ref _failure) is { } failure)
            {
                throw failure;
            }
        };
        return journal;
    }

    private int Flushes
    {
        get
        {
            lock (_flushed)
            {
                return _flushed.Count;
            }
        }
    }

    private static MultiAppendResult Write(EventJournal journal, string stream, int events = 1, int payloadSize = 100) =>
        journal.Write([new StreamAppend(stream, ExpectedVersion.Any, TestEvents.Events(events, payloadSize))], new AppendResult[1]);

    [Fact]
    public void A_written_commit_is_invisible_to_readers_until_a_durable_point_covers_it()
    {
        using var journal = Open();

        var written = Write(journal, "trade-T1", events: 2);

        Assert.True(written.IsSuccess);
        Assert.Equal(GlobalPosition.FromInt64(2), written.LastPosition);
        Assert.Equal(GlobalPosition.FromInt64(2), journal.WrittenPosition);
        Assert.Equal(GlobalPosition.Start, journal.HeadPosition);
        Assert.Empty(journal.ReadAll(GlobalPosition.Start, Direction.Forwards));
        Assert.Empty(journal.ReadStream("trade-T1", Direction.Forwards, 0));
        Assert.Equal(StreamVersion.None, journal.GetStreamVersion("trade-T1"));
        Assert.Equal(0, Flushes);

        Assert.Equal(GlobalPosition.FromInt64(2), journal.MakeDurable(written.LastPosition));

        Assert.Equal(GlobalPosition.FromInt64(2), journal.HeadPosition);
        Assert.Equal(2, journal.ReadStream("trade-T1", Direction.Forwards, 0).Count());
        Assert.Equal(1, journal.GetStreamVersion("trade-T1"));
    }

    [Fact]
    public void One_fsync_covers_every_write_made_before_it_and_a_durable_position_needs_none()
    {
        using var journal = Open();
        Write(journal, "trade-T1");
        Write(journal, "trade-T2");
        var third = Write(journal, "trade-T1");

        journal.MakeDurable(GlobalPosition.FromInt64(1));

        Assert.Equal(1, Flushes);
        Assert.Equal(third.LastPosition, journal.HeadPosition);
        Assert.Equal(GlobalPosition.FromInt64(3), journal.MakeDurable(third.LastPosition));
        Assert.Equal(1, Flushes);
    }

    [Fact]
    public void A_stream_version_the_writer_has_written_is_used_for_the_next_expectation_before_it_is_durable()
    {
        using var journal = Open();
        Write(journal, "trade-T1");

        var next = journal.Write([new StreamAppend("trade-T1", ExpectedVersion.At(0), TestEvents.Events(1))], new AppendResult[1]);

        Assert.True(next.IsSuccess);
        Assert.Equal(1, next.Results.Span[0].NextExpectedVersion);
        Assert.Equal(StreamVersion.None, journal.GetStreamVersion("trade-T1"));
    }

    [Fact]
    public void A_retry_of_a_write_still_waiting_for_its_fsync_is_answered_with_a_position_the_caller_must_make_durable()
    {
        using var journal = Open();
        var events = TestEvents.Events(1);
        journal.Write([new StreamAppend("trade-T1", ExpectedVersion.NoStream, events)], new AppendResult[1]);

        var retry = journal.Write([new StreamAppend("trade-T1", ExpectedVersion.NoStream, events)], new AppendResult[1]);

        Assert.True(retry.Results.Span[0].WasAlreadyWritten);
        Assert.True(retry.LastPosition > journal.HeadPosition);
        journal.MakeDurable(retry.LastPosition);
        Assert.Equal(retry.Results.Span[0].LastPosition, journal.HeadPosition);
    }

    [Fact]
    public void A_segment_is_synced_when_it_is_rolled_before_its_successor_is_made_durable()
    {
        using (var journal = Open())
        {
            Write(journal, "trade-T1", payloadSize: 6 * 1024);
            Assert.Equal(0, Flushes);

            var second = Write(journal, "trade-T2", payloadSize: 6 * 1024);

            // The roll synced the first segment on the writer's thread, before the second segment took a byte.
            Assert.Equal(2, _dir.Segments().Length);
            Assert.Equal(1, Flushes);
            journal.MakeDurable(second.LastPosition);
            Assert.Equal(2, Flushes);
            Assert.NotSame(_flushed[0], _flushed[1]);
        }

        using var reopened = _dir.Open();
        Assert.Equal(2, reopened.ReadAll(GlobalPosition.Start, Direction.Forwards).Count());
    }

    [Fact]
    public void A_failed_fsync_poisons_the_journal_and_publishes_nothing_written_after_the_last_durable_point()
    {
        using var journal = Open();
        journal.MakeDurable(Write(journal, "trade-T1").LastPosition);
        Write(journal, "trade-T2");
        var behind = Write(journal, "trade-T3");
        Volatile.Write(ref _failure, new IOException("fsync: Input/output error (simulated)."));

        Assert.Throws<IOException>(() => journal.MakeDurable(behind.LastPosition));

        Assert.Equal(GlobalPosition.FromInt64(1), journal.HeadPosition);
        Assert.Single(journal.ReadAll(GlobalPosition.Start, Direction.Forwards));
        Assert.Equal(StreamVersion.None, journal.GetStreamVersion("trade-T3"));
        Assert.Throws<InvalidOperationException>(() => Write(journal, "trade-T4"));
        Assert.Throws<InvalidOperationException>(() => journal.MakeDurable(behind.LastPosition));
        Assert.Throws<InvalidOperationException>(
            () => journal.AppendMultiple([new StreamAppend("trade-T5", ExpectedVersion.Any, TestEvents.Events(1))]));
    }

    [Fact]
    public void Closing_makes_pending_writes_durable_before_the_checkpoint()
    {
        using (var journal = Open())
        {
            journal.MakeDurable(Write(journal, "trade-T1").LastPosition);
            Write(journal, "trade-T2");
        }

        Assert.Equal(2, Flushes);
        using var reopened = _dir.Open();
        Assert.True(reopened.Recovery.LoadedFromCheckpoint);
        Assert.Equal(2, reopened.HeadPosition.Value);
        Assert.Equal(0, reopened.GetStreamVersion("trade-T2"));
    }

    [Fact]
    public async Task A_writer_and_a_syncer_on_two_threads_lose_nothing_and_a_returned_durable_point_is_visible()
    {
        const int commits = 400;
        using (var journal = Open())
        {
            var done = 0;
            var syncer = Task.Run(() =>
            {
                while (Volatile.Read(ref done) == 0 || journal.HeadPosition < journal.WrittenPosition)
                {
                    var target = journal.WrittenPosition;
                    var durable = journal.MakeDurable(target);
                    Assert.True(durable >= target);
                    Assert.True(journal.ReadAll(GlobalPosition.Start, Direction.Forwards).Count() >= durable.Value);
                }
            });

            for (var i = 0; i < commits; i++)
            {
                Write(journal, $"trade-T{i % 13}", events: 2);
            }

            Volatile.Write(ref done, 1);
            await syncer.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(2 * commits, journal.HeadPosition.Value);
            Assert.InRange(Flushes, 1, commits);
        }

        using var reopened = _dir.OpenFull();
        Assert.Equal(2 * commits, reopened.ReadAll(GlobalPosition.Start, Direction.Forwards).Count());
    }
}
