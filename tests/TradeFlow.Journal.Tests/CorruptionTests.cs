using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.TestKit;

namespace TradeFlow.Journal.Tests;

public sealed class CorruptionTests : IDisposable
{
    private readonly TempJournal _dir = new(segmentSize: 1 << 20);

    public void Dispose() => _dir.Delete();

    // Ten single-stream commits, then a last commit of two events on two streams; returns where that last commit starts and ends.
    private (long Start, long End, byte[] Segment) WriteThenTakeLastCommit()
    {
        long start;
        using (var journal = _dir.Open())
        {
            for (var i = 0; i < 10; i++)
            {
                journal.AppendMultiple([new StreamAppend("trade-T1", ExpectedVersion.Any, TestEvents.Events(1, payloadSize: 64))]).EnsureSuccess();
            }

            start = new FileInfo(_dir.Segments()[0]).Length;
            journal.AppendMultiple(
            [
                new StreamAppend("trade-T1", ExpectedVersion.At(9), TestEvents.Events(1, payloadSize: 64)),
                new StreamAppend("trade-T2", ExpectedVersion.NoStream, TestEvents.Events(1, payloadSize: 64)),
            ]).EnsureSuccess();
        }

        _dir.DeleteCheckpoint();
        var segment = File.ReadAllBytes(_dir.Segments()[0]);
        return (start, segment.Length, segment);
    }

    [Fact]
    public void A_commit_torn_at_any_byte_is_dropped_whole_and_reported()
    {
        var (start, end, segment) = WriteThenTakeLastCommit();
        var path = _dir.Segments()[0];

        for (var cut = start; cut < end; cut++)
        {
            File.WriteAllBytes(path, segment.AsSpan(0, (int)cut).ToArray());
            using (var journal = _dir.Open())
            {
                Assert.Equal(10, journal.Recovery.EventCount);
                Assert.Equal(cut - start, journal.Recovery.TruncatedBytes);
                Assert.Equal(cut == start ? null : path, journal.Recovery.TruncatedSegment);
                Assert.Equal(StreamVersion.None, journal.GetStreamVersion("trade-T2"));
            }

            Assert.Equal(start, new FileInfo(path).Length);
            _dir.DeleteCheckpoint();
        }
    }

    [Fact]
    public void A_torn_commit_that_leaves_a_zero_filled_tail_is_dropped()
    {
        var (start, _, segment) = WriteThenTakeLastCommit();
        var torn = segment.AsSpan(0, (int)start + 100).ToArray().Concat(new byte[3000]).ToArray();
        Array.Clear(torn, (int)start, 100);
        File.WriteAllBytes(_dir.Segments()[0], torn);

        using var journal = _dir.Open();

        Assert.Equal(10, journal.Recovery.EventCount);
        Assert.Equal(3100, journal.Recovery.TruncatedBytes);
    }

    [Fact]
    public void A_bit_flipped_in_the_middle_of_a_segment_is_reported_with_its_record_offset()
    {
        var (_, _, segment) = WriteThenTakeLastCommit();
        var (offset, length) = SegmentBytes.Records(segment)[5];
        segment[offset + (length / 2)] ^= 0x10;
        File.WriteAllBytes(_dir.Segments()[0], segment);

        var error = Assert.Throws<JournalCorruptException>(() => _dir.Open());

        Assert.Equal(_dir.Segments()[0], error.SegmentPath);
        Assert.Equal(offset, error.Offset);
        Assert.Contains("CRC-32C", error.Message, StringComparison.Ordinal);
        Assert.Contains($"offset {offset}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bit_flipped_in_a_record_length_is_corruption_not_a_torn_tail()
    {
        var (_, _, segment) = WriteThenTakeLastCommit();
        var (offset, _) = SegmentBytes.Records(segment)[3];
        segment[offset + 1] ^= 0x40;
        File.WriteAllBytes(_dir.Segments()[0], segment);

        Assert.Equal(offset, Assert.Throws<JournalCorruptException>(() => _dir.Open()).Offset);
    }

    [Fact]
    public void A_payload_edited_with_a_recomputed_crc_is_caught_by_the_hash_chain()
    {
        var (_, _, segment) = WriteThenTakeLastCommit();
        var (offset, length) = SegmentBytes.Records(segment)[4];
        segment[offset + length - 40] ^= 0x01;
        SegmentBytes.RecomputeCrc(segment, offset, length);
        File.WriteAllBytes(_dir.Segments()[0], segment);

        var error = Assert.Throws<JournalCorruptException>(() => _dir.Open());

        Assert.Equal(offset, error.Offset);
        Assert.Contains("hash chain", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrupt_final_record_followed_by_more_bytes_is_not_mistaken_for_a_torn_tail()
    {
        var (start, _, segment) = WriteThenTakeLastCommit();
        segment[start + 30] ^= 0x01;
        File.WriteAllBytes(_dir.Segments()[0], segment);

        Assert.Equal(start, Assert.Throws<JournalCorruptException>(() => _dir.Open()).Offset);
    }

    [Fact]
    public void Full_verification_finds_damage_that_the_checkpoint_skips_and_reads_still_check_the_crc()
    {
        using (var journal = _dir.Open())
        {
            journal.AppendMultiple([new StreamAppend("trade-T1", ExpectedVersion.NoStream, TestEvents.Events(20, payloadSize: 64))]).EnsureSuccess();
        }

        var path = _dir.Segments()[0];
        var segment = File.ReadAllBytes(path);
        var (offset, length) = SegmentBytes.Records(segment)[7];
        segment[offset + (length / 2)] ^= 0x04;
        File.WriteAllBytes(path, segment);

        Assert.Equal(offset, Assert.Throws<JournalCorruptException>(() => _dir.OpenFull()).Offset);
        using var fast = _dir.Open();
        Assert.True(fast.Recovery.LoadedFromCheckpoint);
        Assert.Equal(offset, Assert.Throws<JournalCorruptException>(() => fast.ReadAll(GlobalPosition.Start, Direction.Forwards).ToList()).Offset);
    }

    [Fact]
    public void A_damaged_checkpoint_is_ignored_and_the_journal_rebuilt_from_the_segments()
    {
        using (var journal = _dir.Open())
        {
            journal.AppendMultiple([new StreamAppend("trade-T1", ExpectedVersion.NoStream, TestEvents.Events(5))]).EnsureSuccess();
        }

        var checkpoint = Path.Combine(_dir.JournalDirectory, "index.tfi");
        var bytes = File.ReadAllBytes(checkpoint);
        bytes[90] ^= 0xFF;
        File.WriteAllBytes(checkpoint, bytes);

        using var reopened = _dir.Open();

        Assert.False(reopened.Recovery.LoadedFromCheckpoint);
        Assert.Equal(5, reopened.Recovery.EventCount);
    }
}
