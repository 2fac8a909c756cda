using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.TestKit;

namespace TradeFlow.Journal.Tests;

/// <summary>
/// An intact checkpoint is written only after the records it covers are durable: when its anchor is not in the files,
/// committed events are gone, and the open (writer or read-only) refuses, naming the anchor's segment and offset.
/// </summary>
public sealed class CheckpointAnchorRecoveryTests : IDisposable
{
    private readonly TempJournal _dir = new(segmentSize: 8 * 1024);

    public void Dispose() => _dir.Delete();

    private string CheckpointPath => Path.Combine(_dir.JournalDirectory, "index.tfi");

    // A cleanly closed journal of several segments (120 events); its checkpoint anchors at the end of the last one.
    private int WriteAndClose()
    {
        using var journal = _dir.Open();
        for (var i = 0; i < 60; i++)
        {
            journal.AppendMultiple([new StreamAppend($"trade-T{i % 7}", ExpectedVersion.Any, TestEvents.Events(2, payloadSize: 100))]).EnsureSuccess();
        }

        Assert.True(_dir.Segments().Length > 2);
        return 120;
    }

    private static void AssertRefused(Func<EventJournal> open, string segment, long offset, string missing)
    {
        var error = Assert.Throws<JournalCorruptException>(() => open().Dispose());
        Assert.Equal((segment, offset), (error.SegmentPath, error.Offset));
        Assert.Contains("says 120 events were committed", error.Message, StringComparison.Ordinal);
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("move index.tfi aside", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_last_segment_is_refused_naming_it_by_the_writer_and_a_reader()
    {
        WriteAndClose();
        var last = _dir.Segments()[^1];
        var offset = new FileInfo(last).Length;
        File.Delete(last);

        AssertRefused(_dir.Open, last, offset, "the segment is missing");
        AssertRefused(() => EventJournal.OpenReadOnly(_dir.Options), last, offset, "the segment is missing");
        Assert.False(File.Exists(last));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(500)]
    public void Segment_truncated_below_the_anchor_is_refused_naming_segment_and_offset(int cut)
    {
        WriteAndClose();
        var last = _dir.Segments()[^1];
        var offset = new FileInfo(last).Length;
        using (var file = File.OpenWrite(last))
        {
            file.SetLength(offset - cut);
        }

        AssertRefused(_dir.Open, last, offset, $"the segment holds only {offset - cut} bytes");
        AssertRefused(() => EventJournal.OpenReadOnly(_dir.Options), last, offset, "committed events are missing");
        Assert.Equal(offset - cut, new FileInfo(last).Length);
    }

    [Fact]
    public void Altered_hash_before_the_anchor_is_refused()
    {
        WriteAndClose();
        var last = _dir.Segments()[^1];
        var offset = new FileInfo(last).Length;
        using (var file = new FileStream(last, FileMode.Open, FileAccess.ReadWrite))
        {
            file.Position = offset - 1;
            var b = file.ReadByte();
            file.Position = offset - 1;
            file.WriteByte((byte)(b ^ 0x01));
        }

        AssertRefused(_dir.Open, last, offset, "records before the checkpoint's anchor were altered");
    }

    [Fact]
    public void Intact_journal_after_a_clean_close_opens_from_the_checkpoint()
    {
        var events = WriteAndClose();

        using var reopened = _dir.Open();

        Assert.True(reopened.Recovery.LoadedFromCheckpoint);
        Assert.Null(reopened.Recovery.CheckpointIgnoredReason);
        Assert.Equal(0, reopened.Recovery.RecordsVerified);
        Assert.Equal(events, reopened.Recovery.EventCount);
    }

    [Fact]
    public void Checkpoint_moved_aside_opens_what_remains()
    {
        WriteAndClose();
        var segments = _dir.Segments();
        File.Delete(segments[^1]);
        File.Move(CheckpointPath, CheckpointPath + ".aside");

        using var reopened = EventJournal.OpenReadOnly(_dir.Options);

        Assert.False(reopened.Recovery.LoadedFromCheckpoint);
        Assert.Null(reopened.Recovery.CheckpointIgnoredReason);
        Assert.InRange(reopened.Recovery.EventCount, 1, 119);
        Assert.Equal(reopened.Recovery.EventCount, reopened.Recovery.RecordsVerified);
        Assert.Equal(segments.Length - 1, reopened.Recovery.SegmentCount);
    }

    [Theory]
    [InlineData(90, "CRC-32C")]
    [InlineData(-1, "fewer than a checkpoint header")]
    public void Damaged_checkpoint_opens_and_the_report_says_why(int flipAt, string reason)
    {
        var events = WriteAndClose();
        var bytes = File.ReadAllBytes(CheckpointPath);
        if (flipAt < 0)
        {
            bytes = bytes[..40];
        }
        else
        {
            bytes[flipAt] ^= 0xFF;
        }

        File.WriteAllBytes(CheckpointPath, bytes);

        using var reopened = _dir.Open();

        Assert.False(reopened.Recovery.LoadedFromCheckpoint);
        Assert.Equal(events, reopened.Recovery.EventCount);
        Assert.Equal(events, reopened.Recovery.RecordsVerified);
        Assert.Contains(reason, reopened.Recovery.CheckpointIgnoredReason, StringComparison.Ordinal);
        Assert.Contains("checkpoint ignored", reopened.Recovery.ToString(), StringComparison.Ordinal);
    }
    // Regression (review rev13, F1): a crash after a roll made the new segment's header durable but before the write
    // that needed it reached the disk leaves a header-only last segment; recovery keeps it, a clean close then
    // checkpoints at (that segment, 72) with every earlier event counted. That journal is intact and must reopen —
    // from the checkpoint, and by the forward walk as well.
    [Fact]
    public void Clean_close_after_recovering_a_header_only_last_segment_reopens_from_the_checkpoint()
    {
        WriteAndClose();
        var last = _dir.Segments()[^1];
        using (var file = File.OpenWrite(last))
        {
            file.SetLength(72);
        }

        _dir.DeleteCheckpoint();
        long count;
        using (var restarted = _dir.Open())
        {
            count = restarted.HeadPosition.Value;
            Assert.True(count is > 0 and < 120);
        }

        using (var reopened = _dir.Open())
        {
            Assert.True(reopened.Recovery.LoadedFromCheckpoint);
            Assert.Equal(count, reopened.HeadPosition.Value);
        }

        using var walk = TradeFlow.Journal.Reading.SequentialJournalReader.TryOpen(_dir.Options, checkChain: true);
        Assert.NotNull(walk);
        long read = 0;
        walk.ReadAllViews(GlobalPosition.Start, long.MaxValue, (in RecordedEventView _) => read++);
        Assert.Equal(count, read);
    }

    // Regression (review rev13, F2): a read-only open beside a live writer that rolls and checkpoints in between the
    // open's two looks at the directory must not be refused ("the segment is missing"): the checkpoint is read first,
    // and the segment its anchor names always exists before the checkpoint does.
    [Fact]
    public void A_writer_rolling_and_checkpointing_during_a_read_only_open_does_not_make_it_refuse()
    {
        using var writer = _dir.Open();
        writer.AppendMultiple([new StreamAppend("trade-T0", ExpectedVersion.Any, TestEvents.Events(1, payloadSize: 100))]).EnsureSuccess();
        writer.Checkpoint();
        var segmentsBefore = _dir.Segments().Length;
        var options = new JournalOptions(_dir.DataDirectory)
        {
            SegmentSize = _dir.Options.SegmentSize,
            AfterCheckpointReadForTesting = () =>
            {
                for (var i = 0; i < 3; i++)
                {
                    writer.AppendMultiple([new StreamAppend($"trade-R{i}", ExpectedVersion.Any, TestEvents.Events(1, payloadSize: 6000))]).EnsureSuccess();
                }

                writer.Checkpoint();
            },
        };

        using var reader = EventJournal.OpenReadOnly(options);
        Assert.True(_dir.Segments().Length > segmentsBefore, "the writer rolled during the open");
        Assert.True(reader.HeadPosition.Value >= 1);
    }
}
