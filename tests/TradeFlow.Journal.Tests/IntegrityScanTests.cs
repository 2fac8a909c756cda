using System.Security.Cryptography;
using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.TestKit;
using TradeFlow.Journal.Format;
using TradeFlow.Journal.Integrity;

namespace TradeFlow.Journal.Tests;

/// <summary>The full, read-only integrity scan behind <c>tradeflow-replay verify</c>: it reports every problem and carries on.</summary>
public sealed class IntegrityScanTests : IDisposable
{
    private readonly TempJournal _dir = new(segmentSize: 8 * 1024);

    public void Dispose() => _dir.Delete();

    // 60 commits over three streams, small segments: several segment files.
    private void Write(int commits = 60)
    {
        using var journal = _dir.Open();
        for (var i = 0; i < commits; i++)
        {
            journal.AppendMultiple([new StreamAppend($"trade-T{i % 3}", ExpectedVersion.Any, TestEvents.Events(1 + (i % 2), payloadSize: 200))]).EnsureSuccess();
        }
    }

    [Fact]
    public void A_clean_journal_scans_clean_with_the_head_hash_of_its_last_record()
    {
        Write();
        var seen = 0L;

        var report = JournalIntegrityScanner.Scan(_dir.DataDirectory, new JournalScanOptions { OnRecord = (in JournalRecordView r) => seen++ });

        Assert.True(report.IsClean, string.Join("\n", report.Problems));
        Assert.Equal(90, report.Records);
        Assert.Equal(90, report.HeadPosition);
        Assert.Equal(90, seen);
        Assert.Equal(3, report.Streams);
        Assert.True(report.Segments > 2, "the test needs several segments");
        var last = File.ReadAllBytes(_dir.Segments()[^1]);
        Assert.Equal(Convert.ToHexStringLower(last.AsSpan(last.Length - 32)), report.HeadHash);
        Assert.Equal(90, report.CheckpointEvents);
        Assert.Equal(0, report.TailBytes);
    }

    [Fact]
    public void A_flipped_bit_is_reported_with_its_segment_and_offset_and_the_scan_goes_on()
    {
        Write();
        var path = _dir.Segments()[1];
        var segment = File.ReadAllBytes(path);
        var (offset, length) = SegmentBytes.Records(segment)[2];
        segment[offset + (length / 2)] ^= 0x04;
        var (offset2, length2) = SegmentBytes.Records(segment)[4];
        segment[offset2 + (length2 / 2)] ^= 0x04;
        File.WriteAllBytes(path, segment);

        var report = JournalIntegrityScanner.Scan(_dir.DataDirectory);

        // One problem per damaged record: no knock-on version gaps at the streams' next events.
        Assert.Equal([(path, (long)offset), (path, (long)offset2)], report.Problems.Select(p => (p.File, p.Offset)));
        Assert.All(report.Problems, p => Assert.StartsWith("CRC-32C mismatch", p.Reason, StringComparison.Ordinal));
        Assert.Equal(90, report.HeadPosition);
    }

    [Fact]
    public void A_payload_edited_with_a_recomputed_crc_is_caught_only_by_the_hash_chain()
    {
        Write();
        var path = _dir.Segments()[0];
        var segment = File.ReadAllBytes(path);
        var (offset, length) = SegmentBytes.Records(segment)[3];
        segment[offset + length - 40] ^= 0x01;
        SegmentBytes.RecomputeCrc(segment, offset, length);
        File.WriteAllBytes(path, segment);

        var report = JournalIntegrityScanner.Scan(_dir.DataDirectory);

        var problem = Assert.Single(report.Problems);
        Assert.Equal((path, (long)offset, (long?)4), (problem.File, problem.Offset, problem.Position));
        Assert.Contains("hash chain mismatch", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_segment_in_the_middle_is_reported()
    {
        Write();
        var path = _dir.Segments()[1];
        var length = new FileInfo(path).Length;
        using (var file = File.OpenWrite(path))
        {
            file.SetLength(length - 100);
        }

        var report = JournalIntegrityScanner.Scan(_dir.DataDirectory);

        Assert.Contains(report.Problems, p => p.File == path && p.Reason.Contains("truncated", StringComparison.Ordinal));
    }

    [Fact]
    public void A_last_segment_cut_back_below_the_checkpoint_is_reported_against_the_checkpoint()
    {
        Write();
        var path = _dir.Segments()[^1];
        var segment = File.ReadAllBytes(path);
        var records = SegmentBytes.Records(segment);
        File.WriteAllBytes(path, segment.AsSpan(0, records[^1].Offset).ToArray());

        var report = JournalIntegrityScanner.Scan(_dir.DataDirectory);

        var problem = Assert.Single(report.Problems);
        Assert.Contains("cut off", problem.Reason, StringComparison.Ordinal);
        Assert.EndsWith("index.tfi", problem.File, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_segment_is_reported_by_name()
    {
        Write();
        var missing = _dir.Segments()[1];
        File.Delete(missing);

        var report = JournalIntegrityScanner.Scan(_dir.DataDirectory);

        Assert.Equal(missing, report.Problems[0].File);
        Assert.Contains("missing", report.Problems[0].Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Problems, p => p.Reason.Contains("stream", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pinned_head_hash_is_found_at_its_position()
    {
        Write(10);
        var pinned = Convert.FromHexString(JournalIntegrityScanner.Scan(_dir.DataDirectory).HeadHash);
        Write(5);

        var report = JournalIntegrityScanner.Scan(_dir.DataDirectory, new JournalScanOptions { ExpectedHash = pinned });

        Assert.Equal(15, report.ExpectedHashPosition);
        Assert.Null(JournalIntegrityScanner.Scan(_dir.DataDirectory, new JournalScanOptions { ExpectedHash = SHA256.HashData([1]) }).ExpectedHashPosition);
    }

    [Fact]
    public void A_commit_still_being_written_is_a_tail_not_a_problem()
    {
        Write(5);
        _dir.DeleteCheckpoint();
        var path = _dir.Segments()[^1];
        File.AppendAllBytes(path, new byte[] { 1, 2, 3, 4, 5 });

        var report = JournalIntegrityScanner.Scan(_dir.DataDirectory);

        Assert.True(report.IsClean);
        Assert.Equal(5, report.TailBytes);
        Assert.Equal(JournalFormat.HashSize * 2, report.HeadHash.Length);
    }

    [Fact]
    public void Scanning_beside_a_live_writer_reads_without_the_lock_and_changes_nothing()
    {
        Write(5);
        using var journal = _dir.Open();
        journal.AppendMultiple([new StreamAppend("trade-T9", ExpectedVersion.NoStream, TestEvents.Events(1))]).EnsureSuccess();
        var before = _dir.Segments().Select(File.ReadAllBytes).SelectMany(b => b).ToArray();

        var report = JournalIntegrityScanner.Scan(_dir.DataDirectory);
        journal.AppendMultiple([new StreamAppend("trade-T9", ExpectedVersion.At(0), TestEvents.Events(1))]).EnsureSuccess();

        Assert.True(report.IsClean, string.Join("\n", report.Problems));
        Assert.Equal(8, report.HeadPosition);
        Assert.Equal(before, _dir.Segments().Select(File.ReadAllBytes).SelectMany(b => b).Take(before.Length).ToArray());
    }
}
