using FsCheck;
using FsCheck.Fluent;
using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.TestKit;
using TradeFlow.Journal.Integrity;

namespace TradeFlow.Journal.Tests;

/// <summary>
/// The integrity scan frames each read buffer on the thread that read it, while the batch before is hashed and the
/// one before that applied. Whatever the damage, and wherever the read buffers end (down to buffers smaller than a
/// record, where every record is read on its own), it reports what the one-thread scan with the standard buffer
/// reports: the same problems in the same order, the same counts and head.
/// </summary>
public sealed class PipelinedFramingTests : IClassFixture<PipelinedFramingTests.SmallJournal>, IDisposable
{
    // Smaller than a record (every record refills the buffer), a few records, and a few hundred records per buffer.
    private static readonly int[] BufferSizes = [300, 1_900, 65_536];

    private readonly TempJournal _dir = new();
    private readonly byte[][] _pristine;

    public PipelinedFramingTests(SmallJournal source)
    {
        Directory.CreateDirectory(_dir.JournalDirectory);
        foreach (var file in Directory.GetFiles(source.Dir.JournalDirectory))
        {
            File.Copy(file, Path.Combine(_dir.JournalDirectory, Path.GetFileName(file)));
        }

        _pristine = _dir.Segments().Select(File.ReadAllBytes).ToArray();
    }

    public void Dispose() => _dir.Delete();

    private static JournalScanReport Scan(string dataDirectory, int threads, int bufferSize) =>
        JournalIntegrityScanner.Scan(dataDirectory, new JournalScanOptions { Threads = threads, CheckRecord = FlagEvery97th }, bufferSize);

    private static string? FlagEvery97th(in JournalRecordView record) => record.Position % 97 == 0 ? $"flagged {record.Position}" : null;

    // The report without Bytes: buffers that end elsewhere re-read different overlaps, which Bytes counts.
    private static void AssertSameFindings(JournalScanReport expected, JournalScanReport actual)
    {
        Assert.Equal(expected.Problems, actual.Problems);
        Assert.Equal(expected.RecordCheckProblems, actual.RecordCheckProblems);
        Assert.Equal((expected.Records, expected.Streams, expected.HeadPosition, expected.HeadHash, expected.TailBytes, expected.ExpectedHashPosition),
            (actual.Records, actual.Streams, actual.HeadPosition, actual.HeadHash, actual.TailBytes, actual.ExpectedHashPosition));
    }

    private void Write(byte[][] segments)
    {
        for (var i = 0; i < segments.Length; i++)
        {
            File.WriteAllBytes(_dir.Segments()[i], segments[i]);
        }
    }

    [Fact]
    public void A_clean_journal_reads_alike_through_any_buffer_size_on_one_thread_or_two()
    {
        var reference = Scan(_dir.DataDirectory, threads: 1, bufferSize: 4 << 20);

        Assert.Empty(reference.Problems);
        Assert.Equal(SmallJournal.Events, reference.Records);
        Assert.Equal(SmallJournal.Events / 97, reference.RecordCheckProblems.Count);
        foreach (var size in BufferSizes)
        {
            AssertSameFindings(reference, Scan(_dir.DataDirectory, threads: 2, size));
            AssertSameFindings(reference, Scan(_dir.DataDirectory, threads: 1, size));
        }
    }

    [Fact]
    public void Any_damage_is_reported_alike_whatever_the_buffer_size_and_threads()
    {
        var damage = Gen.OneOf(
            Gen.Choose(0, _pristine.Length - 1).SelectMany(s => Gen.Choose(0, _pristine[s].Length - 1).Select(at => Damage.Flip(s, at))),
            Gen.Choose(0, _pristine.Length - 1).SelectMany(s => Gen.Choose(0, _pristine[s].Length - 1).Select(at => Damage.Zero(s, at))),
            Gen.Choose(0, _pristine.Length - 1).SelectMany(s => Gen.Choose(0, _pristine[s].Length - 1).Select(at => Damage.Cut(s, at))));
        var property = Prop.ForAll(Arb.From(Gen.NonEmptyListOf(damage).Select(d => d.Take(4).ToArray())), damages =>
        {
            var segments = _pristine.Select(s => (byte[])s.Clone()).ToArray();
            foreach (var d in damages)
            {
                segments[d.Segment] = d.Apply(segments[d.Segment]);
            }

            Write(segments);
            var reference = Scan(_dir.DataDirectory, threads: 1, bufferSize: 4 << 20);

            Assert.Equal(reference.Bytes, Scan(_dir.DataDirectory, threads: 2, bufferSize: 4 << 20).Bytes);
            foreach (var size in BufferSizes)
            {
                AssertSameFindings(reference, Scan(_dir.DataDirectory, threads: 2, size));
            }

            AssertSameFindings(reference, Scan(_dir.DataDirectory, threads: 1, BufferSizes[0]));
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(40), property);
    }

    [Fact]
    public void A_record_check_that_throws_on_the_first_record_fails_the_scan_though_it_was_first_run_ahead_of_it()
    {
        JournalRecordCheck check = (in JournalRecordView r) => r.Position == 1 ? throw new InvalidOperationException("boom at 1") : null;

        var thrown = Assert.Throws<InvalidOperationException>(() =>
            JournalIntegrityScanner.Scan(_dir.DataDirectory, new JournalScanOptions { Threads = 2, CheckRecord = check }));

        Assert.Equal("boom at 1", thrown.Message);
    }

    [Fact]
    public void The_first_record_checked_ahead_of_the_scan_is_reported_once_in_its_place()
    {
        JournalRecordCheck check = (in JournalRecordView r) => r.Position is 1 or 2 or 2_999 ? $"flagged {r.Position}" : null;

        var report = JournalIntegrityScanner.Scan(_dir.DataDirectory, new JournalScanOptions { Threads = 2, CheckRecord = check });

        Assert.Equal([1L, 2L, 2_999L], report.RecordCheckProblems.Select(p => p.Position ?? 0));
        Assert.Empty(report.Problems);
    }

    /// <summary>One change to a segment's bytes: a flipped bit, 64 zeroed bytes, or the file cut short.</summary>
    private sealed record Damage(string Kind, int Segment, int At)
    {
        public static Damage Flip(int segment, int at) => new("flip", segment, at);

        public static Damage Zero(int segment, int at) => new("zero", segment, at);

        public static Damage Cut(int segment, int at) => new("cut", segment, at);

        public byte[] Apply(byte[] segment)
        {
            var at = Math.Min(At, Math.Max(segment.Length - 1, 0));
            switch (Kind)
            {
                case "flip" when segment.Length > 0:
                    segment[at] ^= (byte)(1 << (At % 8));
                    return segment;
                case "zero":
                    segment.AsSpan(at, Math.Min(64, segment.Length - at)).Clear();
                    return segment;
                case "cut":
                    return segment[..at];
                default:
                    return segment;
            }
        }
    }

    /// <summary>
    /// A journal of ~1.5 MB: 3,000 events in commits of 1–7 with payloads of 100–900 bytes (records of varied
    /// length, some longer than the smallest buffer), over 41 streams, in 512 KiB segments.
    /// </summary>
    public sealed class SmallJournal : IDisposable
    {
        public const int Events = 3_000;

        public SmallJournal()
        {
            Dir = new TempJournal(segmentSize: 512 << 10);
            var options = new JournalOptions(Dir.DataDirectory) { SegmentSize = Dir.Options.SegmentSize, Durability = JournalDurability.NoFsyncBenchmarkOnly };
            using var journal = EventJournal.Open(options);
            var random = new Random(11);
            for (var written = 0; written < Events;)
            {
                var count = Math.Min(random.Next(1, 8), Events - written);
                var append = new StreamAppend($"trade-T{random.Next(41)}", ExpectedVersion.Any, TestEvents.Events(count, payloadSize: random.Next(100, 900)));
                journal.AppendMultiple([append]).EnsureSuccess();
                written += count;
            }
        }

        internal TempJournal Dir { get; }

        public void Dispose() => Dir.Delete();
    }
}
