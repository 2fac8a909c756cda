using System.Buffers.Binary;
using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.TestKit;
using TradeFlow.Journal.Format;
using TradeFlow.Journal.Reading;

namespace TradeFlow.Journal.Tests;

public sealed class SequentialJournalReaderTests : IDisposable
{
    // Small segments and a 100 KiB payload among small ones: records across segment ends and one larger than a chunk.
    private readonly TempJournal _dir = new(segmentSize: 256 * 1024);

    public void Dispose() => _dir.Delete();

    private static List<SeenView> Views(IEventViewSource source, GlobalPosition from, long maxCount) => SeenView.Read(source, from, maxCount);

    private void Write() => MixedHistory.Write(_dir);

    private SequentialJournalReader OpenReader(bool checkChain = false) =>
        SequentialJournalReader.TryOpen(_dir.Options, checkChain) ?? throw new InvalidOperationException("the reader did not open a cleanly closed journal");

    // Flips one byte of record `index` of the second (or the last) segment, or writes `edit`'s bytes there, as the disk or a forger would.
    private (string Path, int Offset) Damage(Index index, Action<byte[], int, int> edit, bool inLastSegment = false)
    {
        var path = _dir.Segments()[inLastSegment ? ^1 : 1];
        var segment = File.ReadAllBytes(path);
        var (offset, length) = SegmentBytes.Records(segment)[index];
        edit(segment, offset, length);
        File.WriteAllBytes(path, segment);
        return (path, offset);
    }

    private static JournalCorruptException ReadAllFails(IEventViewSource source) =>
        Assert.Throws<JournalCorruptException>(() => source.ReadAllViews(GlobalPosition.Start, long.MaxValue, (in RecordedEventView _) => { }));

    private string CheckpointPath => Path.Combine(_dir.JournalDirectory, "index.tfi");

    // Rewrites the checkpoint's header as a writer bug or a forger would, with the CRC-32C trailer recomputed so that the
    // file is intact.
    private void EditCheckpoint(Action<byte[]> edit)
    {
        var bytes = File.ReadAllBytes(CheckpointPath);
        edit(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4), Crc32C.Compute(bytes.AsSpan(0, bytes.Length - 4)));
        File.WriteAllBytes(CheckpointPath, bytes);
    }

    private static JournalCorruptException FullOpenFails(TempJournal dir) => Assert.Throws<JournalCorruptException>(() =>
        EventJournal.OpenReadOnly(new JournalOptions(dir.DataDirectory) { Verification = JournalVerification.Full }).Dispose());

    [Theory]
    [InlineData(1, long.MaxValue)]
    [InlineData(57, 90)]
    [InlineData(150, long.MaxValue)]
    [InlineData(1, 0)]
    public void A_cleanly_closed_journal_reads_the_events_the_journal_itself_reads(long from, long maxCount)
    {
        Write();
        using var journal = EventJournal.OpenReadOnly(_dir.Options);
        Assert.True(_dir.Segments().Length > 1, "the test needs events on more than one segment");
        using var reader = OpenReader();

        Assert.Equal(journal.HeadPosition, reader.HeadPosition);
        Assert.Equal(Views(journal, GlobalPosition.FromInt64(from), maxCount), Views(reader, GlobalPosition.FromInt64(from), maxCount), SeenView.Comparer);
    }

    // Chunks smaller than a record header, than most records and than the 100 KiB record: every refill and buffer growth.
    [Theory]
    [InlineData(1, false)]
    [InlineData(7, true)]
    [InlineData(12, false)]
    [InlineData(64, false)]
    [InlineData(173, true)]
    [InlineData(4096, false)]
    [InlineData(65536, false)]
    public void Reads_in_any_chunk_size_give_the_events_the_journal_itself_reads(int chunkSize, bool checkChain)
    {
        Write();
        using var journal = EventJournal.OpenReadOnly(_dir.Options);
        using var reader = SequentialJournalReader.TryOpen(_dir.Options, checkChain, chunkSize);
        Assert.NotNull(reader);

        Assert.Equal(Views(journal, GlobalPosition.Start, long.MaxValue), Views(reader, GlobalPosition.Start, long.MaxValue), SeenView.Comparer);
        Assert.Equal(Views(journal, GlobalPosition.FromInt64(57), 90), Views(reader, GlobalPosition.FromInt64(57), 90), SeenView.Comparer);
    }

    [Fact]
    public void A_flipped_byte_is_refused_with_the_journals_own_message_segment_and_offset()
    {
        Write();
        var (path, offset) = Damage(9, (bytes, at, length) => bytes[at + (length / 2)] ^= 0x10);
        using var journal = EventJournal.OpenReadOnly(_dir.Options);
        using var reader = OpenReader();

        var expected = ReadAllFails(journal);
        var ex = ReadAllFails(reader);

        Assert.Equal((path, (long)offset), (ex.SegmentPath, ex.Offset));
        Assert.Equal(expected.Message, ex.Message);
    }

    private (string Path, int Offset) Forge() => Damage(9, (bytes, at, length) =>
    {
        bytes[at + length - 40] ^= 0x01;
        SegmentBytes.RecomputeCrc(bytes, at, length);
    });

    [Fact]
    public void A_record_edited_with_its_crc_recomputed_breaks_the_hash_chain_and_is_refused_as_the_verified_open_refuses_it()
    {
        Write();
        var (path, offset) = Forge();
        using var reader = OpenReader(checkChain: true);

        var ex = ReadAllFails(reader);
        var full = Assert.Throws<JournalCorruptException>(() =>
            EventJournal.OpenReadOnly(new JournalOptions(_dir.DataDirectory) { Verification = JournalVerification.Full }).Dispose());

        Assert.Equal((path, (long)offset), (ex.SegmentPath, ex.Offset));
        Assert.Contains("hash chain mismatch", ex.Reason, StringComparison.Ordinal);
        Assert.Equal(full.Message, ex.Message);
    }

    [Fact]
    public void Without_the_chain_check_a_record_edited_with_its_crc_recomputed_is_read_as_the_journals_own_read_reads_it()
    {
        Write();
        Forge();
        using var journal = EventJournal.OpenReadOnly(_dir.Options);
        using var reader = OpenReader();

        Assert.Equal(Views(journal, GlobalPosition.Start, long.MaxValue), Views(reader, GlobalPosition.Start, long.MaxValue), SeenView.Comparer);
    }

    [Fact]
    public void Events_before_a_damaged_record_are_read_and_a_read_that_stops_short_of_it_succeeds()
    {
        Write();
        Damage(9, (bytes, at, length) => bytes[at + (length / 2)] ^= 0x10);
        using var reader = OpenReader();
        var seen = new List<long>();

        Assert.Throws<JournalCorruptException>(() => reader.ReadAllViews(GlobalPosition.Start, long.MaxValue, (in RecordedEventView v) => seen.Add(v.Position.Value)));
        var damaged = seen[^1] + 1;
        Assert.Equal(Enumerable.Range(1, (int)damaged - 1).Select(p => (long)p), seen);
        Assert.Equal(damaged - 1, reader.ReadAllViews(GlobalPosition.Start, damaged - 1, (in RecordedEventView _) => { }));
    }

    [Fact]
    public void A_torn_tail_after_the_checkpoint_is_left_to_the_journals_own_open()
    {
        Write();
        var last = _dir.Segments()[^1];
        using (var file = new FileStream(last, FileMode.Append, FileAccess.Write))
        {
            file.Write(new byte[] { 0x40, 0x01, 0, 0, 0xAB, 0xCD });
        }

        Assert.Null(SequentialJournalReader.TryOpen(_dir.Options));
        using var journal = EventJournal.OpenReadOnly(_dir.Options);
        Assert.NotNull(journal.Recovery.TruncationReason);
    }

    [Fact]
    public void A_journal_without_a_checkpoint_with_a_damaged_one_or_missing_a_segment_is_left_to_the_journals_own_open()
    {
        Write();
        var checkpoint = Path.Combine(_dir.JournalDirectory, "index.tfi");
        var bytes = File.ReadAllBytes(checkpoint);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(checkpoint, bytes);
        Assert.Null(SequentialJournalReader.TryOpen(_dir.Options));

        _dir.DeleteCheckpoint();
        Assert.Null(SequentialJournalReader.TryOpen(_dir.Options));

        using (_dir.Open())
        {
            // Reopened and closed by the writer: a fresh checkpoint.
        }

        Assert.NotNull(SequentialJournalReader.TryOpen(_dir.Options));
        File.Delete(_dir.Segments()[0]);
        Assert.Null(SequentialJournalReader.TryOpen(_dir.Options));
    }

    [Fact]
    public void A_journal_opened_by_a_writer_that_appended_since_the_checkpoint_is_left_to_the_journals_own_open()
    {
        Write();
        using var writer = _dir.Open();
        writer.AppendMultiple([new StreamAppend("trade-late", ExpectedVersion.Any, TestEvents.Events(3))]).EnsureSuccess();

        Assert.Null(SequentialJournalReader.TryOpen(_dir.Options));
    }

    // The length field damaged, its own check no longer matching: the journal's read trusts a length that fits what it
    // has read and lets the record's CRC-32C refuse it; a length that cannot be a record there fails the header check.
    [Theory]
    [InlineData(0, 0x01, "CRC-32C mismatch on read")]
    [InlineData(0, 0x20, "CRC-32C mismatch on read")]
    [InlineData(2, 0x80, "the record header is invalid (length check failed)")]
    [InlineData(3, 0x40, "the record header is invalid (length check failed)")]
    public void A_damaged_length_is_refused_with_the_journals_own_message_segment_and_offset(int lengthByte, int flip, string reason)
    {
        Write();
        var (path, offset) = Damage(9, (bytes, at, _) => bytes[at + lengthByte] ^= (byte)flip);
        using var journal = EventJournal.OpenReadOnly(_dir.Options);
        using var reader = OpenReader();

        var expected = ReadAllFails(journal);
        var ex = ReadAllFails(reader);

        Assert.Equal((path, (long)offset, reason), (ex.SegmentPath, ex.Offset, ex.Reason));
        Assert.Equal(expected.Message, ex.Message);
    }

    // The journal's read never looks at the length's own check when the length fits; the walk does not trust a length
    // whose check fails.
    [Fact]
    public void A_damaged_length_check_before_an_intact_record_is_refused()
    {
        Write();
        var (path, offset) = Damage(9, (bytes, at, _) => bytes[at + 4] ^= 0x01);
        using var reader = OpenReader();

        var ex = ReadAllFails(reader);

        Assert.Equal((path, (long)offset, "the record header is invalid (length check failed)"), (ex.SegmentPath, ex.Offset, ex.Reason));
    }

    [Fact]
    public void A_read_from_a_later_position_still_checks_every_record_it_walks_past()
    {
        Write();
        var (path, offset) = Damage(9, (bytes, at, length) => bytes[at + (length / 2)] ^= 0x10);
        using var reader = OpenReader();

        var ex = Assert.Throws<JournalCorruptException>(() => reader.ReadAllViews(reader.HeadPosition, 1, (in RecordedEventView _) => { }));

        Assert.Equal((path, (long)offset, "CRC-32C mismatch on read"), (ex.SegmentPath, ex.Offset, ex.Reason));
    }

    // A header edited with its own CRC recomputed: the journal's open trusts the headers its checkpoint covers, the walk
    // checks each against the record before it — refused with the verified open's message and offset.
    [Theory]
    [InlineData(24, 24)]
    [InlineData(40, 32)]
    public void A_segment_header_that_lies_about_what_it_continues_is_refused_as_the_verified_open_refuses_it(int editedByte, long expectedOffset)
    {
        Write();
        var path = _dir.Segments()[1];
        var bytes = File.ReadAllBytes(path);
        bytes[editedByte] ^= 0x01;
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(64), Crc32C.Compute(bytes.AsSpan(0, 64)));
        File.WriteAllBytes(path, bytes);
        using var reader = OpenReader();

        var ex = ReadAllFails(reader);

        Assert.Equal((path, expectedOffset), (ex.SegmentPath, ex.Offset));
        Assert.Equal(FullOpenFails(_dir).Message, ex.Message);
    }

    // The last record's length rewritten with its own check recomputed (a forger, a writer bug): it passes its header
    // check and points past the end of the file.
    [Fact]
    public void A_record_whose_length_points_past_the_end_of_its_segment_is_refused_naming_the_record()
    {
        Write();
        var (path, offset) = Damage(^1, (bytes, at, length) =>
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at), length + 100);
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at + 4), Crc32C.ComputeLittleEndian((uint)(length + 100)));
        }, inLastSegment: true);
        using var reader = OpenReader();

        var ex = ReadAllFails(reader);

        Assert.Equal((path, (long)offset), (ex.SegmentPath, ex.Offset));
        Assert.Matches("^the record declares [0-9]+ bytes but only [0-9]+ remain$", ex.Reason);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_extra_segment_after_the_last_is_left_to_the_journals_own_open(bool empty)
    {
        Write();
        var segments = _dir.Segments();
        var extra = Path.Combine(_dir.JournalDirectory, JournalFormat.SegmentFileName(segments.Length));
        if (empty)
        {
            File.WriteAllBytes(extra, []);
        }
        else
        {
            File.Copy(segments[0], extra);
        }

        Assert.Null(SequentialJournalReader.TryOpen(_dir.Options));
        if (empty)
        {
            // An interrupted roll: dropped and reported by the journal's open.
            using var journal = EventJournal.OpenReadOnly(_dir.Options);
            Assert.StartsWith("interrupted segment creation", journal.Recovery.TruncationReason, StringComparison.Ordinal);
        }
        else
        {
            var ex = Assert.Throws<JournalCorruptException>(() => EventJournal.OpenReadOnly(_dir.Options).Dispose());
            Assert.Equal((extra, 16L), (ex.SegmentPath, ex.Offset));
        }
    }

    [Fact]
    public void A_journal_missing_its_last_segment_is_left_to_the_journals_own_open_which_refuses_naming_it()
    {
        Write();
        var last = _dir.Segments()[^1];
        File.Delete(last);

        Assert.Null(SequentialJournalReader.TryOpen(_dir.Options));
        Assert.Equal(last, Assert.Throws<JournalCorruptException>(() => EventJournal.OpenReadOnly(_dir.Options).Dispose()).SegmentPath);
    }

    // The checkpoint of an earlier clean close put back after a writer appended (and rolled to a new segment) and closed.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_stale_checkpoint_is_left_to_the_journals_own_open(bool rolled)
    {
        Write();
        var stale = File.ReadAllBytes(CheckpointPath);
        var segments = _dir.Segments().Length;
        using (var writer = _dir.Open())
        {
            writer.AppendMultiple([new StreamAppend("trade-late", ExpectedVersion.Any, TestEvents.Events(4, payloadSize: rolled ? 100 * 1024 : 100))]).EnsureSuccess();
        }

        Assert.Equal(rolled, _dir.Segments().Length > segments);
        File.WriteAllBytes(CheckpointPath, stale);

        Assert.Null(SequentialJournalReader.TryOpen(_dir.Options));
        using var journal = EventJournal.OpenReadOnly(_dir.Options);
        Assert.Equal(GlobalPosition.FromInt64(MixedHistory.Events + 4), journal.HeadPosition);
    }

    // The checkpoint counts one event fewer than the files hold, its CRC recomputed and its anchor still the end of the
    // last segment: a read to its head would otherwise leave the last event out without a word.
    [Fact]
    public void A_checkpoint_that_counts_fewer_events_than_the_files_hold_is_refused_when_the_read_reaches_its_head()
    {
        Write();
        var last = _dir.Segments()[^1];
        var lastRecord = SegmentBytes.Records(File.ReadAllBytes(last))[^1].Offset;
        EditCheckpoint(bytes => BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(16), BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(16)) - 1));
        using var reader = OpenReader();

        var ex = ReadAllFails(reader);

        Assert.Equal((last, (long)lastRecord), (ex.SegmentPath, ex.Offset));
        Assert.StartsWith("a record follows the checkpoint's last event", ex.Reason, StringComparison.Ordinal);
        Assert.Equal(10, reader.ReadAllViews(GlobalPosition.Start, 10, (in RecordedEventView _) => { }));

        // Its index no longer fits the file's bytes: the journal's own open ignores it.
        AssertTheJournalsOpenIgnoresTheCheckpoint();
    }

    // TryOpen compares the checkpoint's head hash with the hash stored at its anchor, so an altered one never reaches the
    // walk. Its CRC holds, so the journal's own open refuses it: an intact checkpoint is written only after the hash at
    // its anchor is durable, so a mismatch means the records (or the checkpoint) were altered.
    [Fact]
    public void A_checkpoint_whose_head_hash_was_altered_is_refused_by_the_journals_own_open_because_its_crc_holds()
    {
        Write();
        EditCheckpoint(bytes => bytes[40] ^= 0x01);

        Assert.Null(SequentialJournalReader.TryOpen(_dir.Options));
        var last = _dir.Segments()[^1];
        var ex = Assert.Throws<JournalCorruptException>(() => EventJournal.OpenReadOnly(_dir.Options).Dispose());
        Assert.Equal((last, new FileInfo(last).Length), (ex.SegmentPath, ex.Offset));
        Assert.Contains("records before the checkpoint's anchor were altered", ex.Reason, StringComparison.Ordinal);
    }

    // The last record's hash rewritten (CRC recomputed) after the reader opened: the walk's end is no longer the
    // checkpoint's head hash.
    [Fact]
    public void A_last_record_rewritten_after_the_reader_opened_is_refused_when_the_read_reaches_the_head()
    {
        Write();
        using var reader = OpenReader();
        var (path, offset) = Damage(^1, (bytes, at, length) =>
        {
            bytes[at + length - 1] ^= 0x01;
            SegmentBytes.RecomputeCrc(bytes, at, length);
        }, inLastSegment: true);

        var ex = ReadAllFails(reader);

        Assert.Equal((path, (long)offset, "the last record's chain hash is not the checkpoint's head hash"), (ex.SegmentPath, ex.Offset, ex.Reason));
    }

    // A checkpoint whose CRC holds but whose numbers cannot describe a journal (a writer bug, a forged file): the
    // journal's open ignores it as it ignores a damaged one, and verifies every record.
    [Theory]
    [InlineData(16, -1)]
    [InlineData(24, -1)]
    [InlineData(32, 10)]
    public void A_checkpoint_with_impossible_numbers_is_left_to_the_journals_own_open_which_verifies_every_record(int field, long value)
    {
        Write();
        EditCheckpoint(bytes => BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(field), value));

        Assert.Null(SequentialJournalReader.TryOpen(_dir.Options));
        AssertTheJournalsOpenIgnoresTheCheckpoint();
    }

    private void AssertTheJournalsOpenIgnoresTheCheckpoint()
    {
        using var journal = EventJournal.OpenReadOnly(_dir.Options);
        Assert.False(journal.Recovery.LoadedFromCheckpoint);
        Assert.NotNull(journal.Recovery.CheckpointIgnoredReason);
        Assert.Equal(GlobalPosition.FromInt64(MixedHistory.Events), journal.HeadPosition);
    }
}
