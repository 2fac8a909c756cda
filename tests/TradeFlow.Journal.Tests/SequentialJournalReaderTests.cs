using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.TestKit;
using TradeFlow.Journal.Reading;

namespace TradeFlow.Journal.Tests;

public sealed class SequentialJournalReaderTests : IDisposable
{
    // Small segments and a 100 KiB payload among small ones: records across segment ends and one larger than a chunk.
    private readonly TempJournal _dir = new(segmentSize: 256 * 1024);

    public void Dispose() => _dir.Delete();

    private sealed record Seen(long Position, Guid EventId, string Type, int SchemaVersion, DateTimeOffset Recorded, DateTimeOffset Effective, byte[] Payload);

    private static List<Seen> Views(IEventViewSource source, GlobalPosition from, long maxCount)
    {
        var seen = new List<Seen>();
        var count = source.ReadAllViews(from, maxCount, (in RecordedEventView v) =>
            seen.Add(new Seen(v.Position.Value, v.EventId, v.Type, v.SchemaVersion, v.RecordedTime, v.EffectiveTime, v.Payload.ToArray())));
        Assert.Equal(seen.Count, count);
        return seen;
    }

    private void Write()
    {
        using var journal = _dir.Open();
        for (var i = 0; i < 40; i++)
        {
            journal.AppendMultiple(
            [
                new StreamAppend($"trade-T{i}", ExpectedVersion.Any, TestEvents.Events(5, payloadSize: 200 + (i * 37))),
                new StreamAppend("trade-big", ExpectedVersion.Any, TestEvents.Events(i == 20 ? 1 : 0, payloadSize: 100 * 1024)),
            ]).EnsureSuccess();
        }
    }

    private SequentialJournalReader OpenReader(bool checkChain = false) =>
        SequentialJournalReader.TryOpen(_dir.Options, checkChain) ?? throw new InvalidOperationException("the reader did not open a cleanly closed journal");

    // Flips one byte of record `index` of the second segment, or writes `edit`'s bytes there, as the disk or a forger would.
    private (string Path, int Offset) Damage(int index, Action<byte[], int, int> edit)
    {
        var path = _dir.Segments()[1];
        var segment = File.ReadAllBytes(path);
        var (offset, length) = SegmentBytes.Records(segment)[index];
        edit(segment, offset, length);
        File.WriteAllBytes(path, segment);
        return (path, offset);
    }

    private static JournalCorruptException ReadAllFails(IEventViewSource source) =>
        Assert.Throws<JournalCorruptException>(() => source.ReadAllViews(GlobalPosition.Start, long.MaxValue, (in RecordedEventView _) => { }));

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
        Assert.Equal(Views(journal, GlobalPosition.FromInt64(from), maxCount), Views(reader, GlobalPosition.FromInt64(from), maxCount), new SeenComparer());
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

        Assert.Equal(Views(journal, GlobalPosition.Start, long.MaxValue), Views(reader, GlobalPosition.Start, long.MaxValue), new SeenComparer());
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

    private sealed class SeenComparer : IEqualityComparer<Seen>
    {
        public bool Equals(Seen? x, Seen? y) => x is not null && y is not null
            && (x.Position, x.EventId, x.Type, x.SchemaVersion, x.Recorded, x.Effective) == (y.Position, y.EventId, y.Type, y.SchemaVersion, y.Recorded, y.Effective)
            && x.Recorded.Offset == y.Recorded.Offset && x.Payload.AsSpan().SequenceEqual(y.Payload);

        public int GetHashCode(Seen obj) => obj.Position.GetHashCode();
    }
}
