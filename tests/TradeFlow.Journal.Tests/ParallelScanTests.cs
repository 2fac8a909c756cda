using FsCheck;
using FsCheck.Fluent;
using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.TestKit;
using TradeFlow.Journal.Integrity;

namespace TradeFlow.Journal.Tests;

/// <summary>
/// The integrity scan on two threads (records hashed and checked in parallel, the next buffer read ahead) reports
/// exactly what the one-thread scan reports, in the same file order. The journal is large enough for that path to
/// matter: two segments, the first spanning several 4 MiB read buffers, each buffer many chunks of records.
/// </summary>
public sealed class ParallelScanTests : IClassFixture<ParallelScanTests.LargeJournal>, IDisposable
{
    private readonly TempJournal _dir = new();

    public ParallelScanTests(LargeJournal source)
    {
        Directory.CreateDirectory(_dir.JournalDirectory);
        foreach (var file in Directory.GetFiles(source.Dir.JournalDirectory))
        {
            File.Copy(file, Path.Combine(_dir.JournalDirectory, Path.GetFileName(file)));
        }
    }

    public void Dispose() => _dir.Delete();

    private static JournalScanReport Scan(string dataDirectory, int threads, JournalRecordCheck? check = null) =>
        JournalIntegrityScanner.Scan(dataDirectory, new JournalScanOptions { Threads = threads, CheckRecord = check });

    private static void AssertSameReport(JournalScanReport expected, JournalScanReport actual)
    {
        Assert.Equal(expected.Problems, actual.Problems);
        Assert.Equal(expected.RecordCheckProblems, actual.RecordCheckProblems);
        Assert.Equal((expected.Records, expected.Bytes, expected.Streams, expected.HeadPosition, expected.HeadHash, expected.TailBytes),
            (actual.Records, actual.Bytes, actual.Streams, actual.HeadPosition, actual.HeadHash, actual.TailBytes));
    }

    private static void AssertInFileOrder(IReadOnlyList<JournalProblem> problems) =>
        Assert.Equal(problems.OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Offset), problems);

    // Damages the record at index `record` of segment `segment` (flips a bit in its body, or forges it with a recomputed CRC).
    private (string Path, long Offset) Damage(int segment, int record, bool recomputeCrc)
    {
        var path = _dir.Segments()[segment];
        var bytes = File.ReadAllBytes(path);
        var (offset, length) = SegmentBytes.Records(bytes)[record];
        bytes[offset + length - 40] ^= 0x10;
        if (recomputeCrc)
        {
            SegmentBytes.RecomputeCrc(bytes, offset, length);
        }

        File.WriteAllBytes(path, bytes);
        return (path, offset);
    }

    [Fact]
    public void The_test_journal_spans_several_read_buffers_and_segments()
    {
        var report = Scan(_dir.DataDirectory, threads: 2);

        Assert.True(report.IsClean, string.Join("\n", report.Problems));
        Assert.Equal(LargeJournal.Events, report.Records);
        Assert.True(report.Segments >= 2, "the test needs two segments");
        Assert.True(new FileInfo(_dir.Segments()[0]).Length > 2 * (4 << 20), "the first segment must span several read buffers");
    }

    [Fact]
    public void Two_threads_report_the_same_problems_in_the_same_file_order_as_one()
    {
        var records = SegmentBytes.Records(File.ReadAllBytes(_dir.Segments()[0])).Count;
        var damaged = new[]
        {
            Damage(0, 5, recomputeCrc: false),
            Damage(0, records / 3, recomputeCrc: true),
            Damage(0, (records / 3) + 1, recomputeCrc: false),
            Damage(0, records - 1, recomputeCrc: true),
            Damage(1, 0, recomputeCrc: false),
            Damage(1, 100, recomputeCrc: true),
        };

        var one = Scan(_dir.DataDirectory, threads: 1);
        var two = Scan(_dir.DataDirectory, threads: 2);

        AssertSameReport(one, two);
        Assert.Equal(damaged, two.Problems.Select(p => (p.File, p.Offset)));
        AssertInFileOrder(two.Problems);
        Assert.Equal([true, false, true, false, true, false], two.Problems.Select(p => p.Reason.StartsWith("CRC-32C mismatch", StringComparison.Ordinal)));
        Assert.All(two.Problems.Where((_, i) => i % 2 == 1), p => Assert.StartsWith("hash chain mismatch", p.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Record_check_findings_come_back_in_file_order_with_their_positions_whichever_thread_found_them()
    {
        JournalRecordCheck check = (in JournalRecordView r) => r.Position % 997 == 0 ? $"flagged {r.Position}" : null;

        var one = Scan(_dir.DataDirectory, threads: 1, check);
        var two = Scan(_dir.DataDirectory, threads: 2, check);

        AssertSameReport(one, two);
        var expected = Enumerable.Range(1, LargeJournal.Events / 997).Select(i => (long?)(i * 997L)).ToList();
        Assert.Equal(expected, two.RecordCheckProblems.Select(p => p.Position));
        Assert.All(two.RecordCheckProblems, p => Assert.Equal($"flagged {p.Position}", p.Reason));
        AssertInFileOrder(two.RecordCheckProblems);
        Assert.False(two.IsClean);
        Assert.Empty(two.Problems);
    }

    [Fact]
    public void A_record_check_that_throws_fails_the_scan_with_its_exception_whichever_thread_ran_it()
    {
        JournalRecordCheck check = (in JournalRecordView r) => r.Position == 20_000 ? throw new InvalidOperationException("boom at 20000") : null;

        var thrown = Assert.Throws<InvalidOperationException>(() => Scan(_dir.DataDirectory, threads: 2, check));

        Assert.Equal("boom at 20000", thrown.Message);
    }

    [Fact]
    public void Any_set_of_flipped_bits_is_reported_alike_by_one_thread_and_by_two()
    {
        var pristine = _dir.Segments().Select(File.ReadAllBytes).ToArray();
        var flip = Gen.OneOf(
            Gen.Choose(0, pristine[0].Length - 1).Select(at => (Segment: 0, At: at)),
            Gen.Choose(0, pristine[1].Length - 1).Select(at => (Segment: 1, At: at)));
        var property = Prop.ForAll(Arb.From(Gen.ArrayOf(flip, 4)), damage =>
        {
            var segments = pristine.Select(s => (byte[])s.Clone()).ToArray();
            foreach (var (segment, at) in damage)
            {
                segments[segment][at] ^= 0x01;
            }

            for (var i = 0; i < segments.Length; i++)
            {
                File.WriteAllBytes(_dir.Segments()[i], segments[i]);
            }

            var one = Scan(_dir.DataDirectory, threads: 1);
            var two = Scan(_dir.DataDirectory, threads: 2);

            // The same list in the same order: not necessarily by offset (a segment that ends inside a commit is
            // reported at the commit's start after the records that follow it), but as the one-thread scan gives it.
            AssertSameReport(one, two);
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(12), property);
    }

    /// <summary>One journal of ~13 MB written once for the class: 24,000 events in commits of 40, 9 MiB segments.</summary>
    public sealed class LargeJournal : IDisposable
    {
        public const int Events = 24_000;

        public LargeJournal()
        {
            Dir = new TempJournal(segmentSize: 9 << 20);
            var options = new JournalOptions(Dir.DataDirectory) { SegmentSize = Dir.Options.SegmentSize, Durability = JournalDurability.NoFsyncBenchmarkOnly };
            using var journal = EventJournal.Open(options);
            for (var commit = 0; commit < Events / 40; commit++)
            {
                journal.AppendMultiple([new StreamAppend($"trade-T{commit % 97}", ExpectedVersion.Any, TestEvents.Events(40, payloadSize: 400))]).EnsureSuccess();
            }
        }

        internal TempJournal Dir { get; }

        public void Dispose() => Dir.Delete();
    }
}
