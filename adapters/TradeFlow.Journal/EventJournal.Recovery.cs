using TradeFlow.EventSourcing.Storage;
using System.Globalization;
using TradeFlow.Journal.Format;
using TradeFlow.Journal.Storage;

namespace TradeFlow.Journal;

public sealed partial class EventJournal
{
    private void Recover()
    {
        var directory = _options.JournalDirectory;
        if (!_readOnly)
        {
            Directory.CreateDirectory(directory);
            _lock = WriterLock.Acquire(directory);
        }

        var paths = ListSegments(directory);
        var anchor = LoadCheckpoint(directory, paths);
        var hash = anchor?.Hash ?? new byte[JournalFormat.HashSize];
        var nextPosition = (anchor?.Count ?? 0) + 1;
        var report = new JournalRecoveryReport { LoadedFromCheckpoint = anchor is not null };
        var segments = new List<SegmentFile>(paths.Count);
        try
        {
            using var scanner = new SegmentScanner(_index);
            for (var number = 0; number < paths.Count; number++)
            {
                var isLast = number == paths.Count - 1;
                var segment = OpenSegment(paths[number], number);
                segments.Add(segment);
                if (!CheckHeader(segment, isLast, anchor, hash, nextPosition, ref report))
                {
                    segments.Remove(segment);
                    break;
                }

                report = ScanSegment(scanner, segment, isLast, anchor, hash, ref nextPosition, report);
            }
        }
        catch
        {
            // Opening failed (corruption): release every handle now rather than at finalisation.
            segments.ForEach(s => s.Dispose());
            throw;
        }

        hash.CopyTo(_lastHash, 0);
        if (segments.Count == 0 && !_readOnly)
        {
            segments.Add(CreateSegment(0, 1, hash));
        }

        Volatile.Write(ref _segments, segments.ToArray());
        Recovery = report with { EventCount = _index.Count, StreamCount = _index.StreamCount, SegmentCount = segments.Count };
    }

    private static List<string> ListSegments(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var paths = Directory.GetFiles(directory, "segment-*.tfj").Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < paths.Count; i++)
        {
            if (!string.Equals(Path.GetFileName(paths[i]), JournalFormat.SegmentFileName(i), StringComparison.Ordinal))
            {
                throw new JournalCorruptException(Path.Combine(directory, JournalFormat.SegmentFileName(i)), 0, "the segment is missing (segment numbers must be dense from 0)");
            }
        }

        return paths;
    }

    // A checkpoint is trusted only if its anchor (the hash of the record ending at its offset) still matches the file.
    private CheckpointAnchor? LoadCheckpoint(string directory, List<string> paths)
    {
        if (_options.Verification != JournalVerification.FromCheckpoint)
        {
            return null;
        }

        var anchor = CheckpointFile.TryLoad(directory, _index);
        if (anchor is not null && (anchor.Segment >= paths.Count || !AnchorMatches(paths[(int)anchor.Segment], anchor)))
        {
            anchor = null;
        }

        if (anchor is null)
        {
            _index = new JournalIndex();
        }

        return anchor;
    }

    private static bool AnchorMatches(string path, CheckpointAnchor anchor)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return anchor.MatchesSegment(handle, RandomAccess.GetLength(handle));
    }

    private SegmentFile OpenSegment(string path, long number)
    {
        var handle = _readOnly
            ? File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete)
            : File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        return new SegmentFile(number, path, handle, RandomAccess.GetLength(handle));
    }

    // False when the last segment is an interrupted roll (header incomplete, no records): dropped and reported.
    private bool CheckHeader(SegmentFile segment, bool isLast, CheckpointAnchor? anchor, byte[] hash, long nextPosition, ref JournalRecoveryReport report)
    {
        Span<byte> bytes = stackalloc byte[JournalFormat.SegmentHeaderSize];
        var read = RandomAccess.Read(segment.Handle, bytes, 0);
        var failure = SegmentHeader.TryRead(bytes[..read], out var header);
        if (failure is not null)
        {
            if (isLast && segment.Length <= JournalFormat.SegmentHeaderSize)
            {
                DropInterruptedRoll(segment, failure, ref report);
                return false;
            }

            throw new JournalCorruptException(segment.Path, 0, failure);
        }

        if (header.Number != segment.Number)
        {
            throw new JournalCorruptException(segment.Path, 16, string.Create(CultureInfo.InvariantCulture, $"the header names segment {header.Number}"));
        }

        // Segments the checkpoint covers are not re-chained; every later one must continue the chain exactly.
        if (anchor is null || segment.Number > anchor.Segment)
        {
            if (header.FirstPosition != nextPosition)
            {
                throw new JournalCorruptException(segment.Path, 24, string.Create(CultureInfo.InvariantCulture, $"the segment starts at position {header.FirstPosition}, expected {nextPosition}"));
            }

            if (!header.PreviousHash.Span.SequenceEqual(hash))
            {
                throw new JournalCorruptException(segment.Path, 32, "the segment does not continue the previous segment's hash chain");
            }
        }

        return true;
    }

    private void DropInterruptedRoll(SegmentFile segment, string failure, ref JournalRecoveryReport report)
    {
        report = report with { TruncatedSegment = segment.Path, TruncatedAtOffset = 0, TruncatedBytes = segment.Length, TruncationReason = "interrupted segment creation: " + failure };
        segment.Dispose();
        if (!_readOnly)
        {
            File.Delete(segment.Path);
            DirectorySync.Flush(_options.JournalDirectory);
        }
    }

    private JournalRecoveryReport ScanSegment(SegmentScanner scanner, SegmentFile segment, bool isLast, CheckpointAnchor? anchor, byte[] hash, ref long nextPosition, JournalRecoveryReport report)
    {
        if (anchor is not null && segment.Number < anchor.Segment)
        {
            return report;
        }

        var start = anchor is not null && segment.Number == anchor.Segment ? anchor.Offset : JournalFormat.SegmentHeaderSize;
        var fileLength = segment.Length;
        var outcome = scanner.Scan(segment, fileLength, start, hash, ref nextPosition, isLast, _readOnly);
        segment.Length = outcome.CommittedEnd;
        report = report with { RecordsVerified = report.RecordsVerified + outcome.Records };
        if (outcome.TornReason is null)
        {
            return report;
        }

        if (!_readOnly)
        {
            // Cut the torn commit off for good, durably, before anything is appended after it.
            RandomAccess.SetLength(segment.Handle, outcome.CommittedEnd);
            RandomAccess.FlushToDisk(segment.Handle);
        }

        return report with
        {
            TruncatedSegment = segment.Path,
            TruncatedAtOffset = outcome.CommittedEnd,
            TruncatedBytes = fileLength - outcome.CommittedEnd,
            TruncationReason = outcome.TornReason,
        };
    }

    private SegmentFile CreateSegment(long number, long firstPosition, ReadOnlySpan<byte> previousHash)
    {
        var path = Path.Combine(_options.JournalDirectory, JournalFormat.SegmentFileName(number));
        var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read);
        Span<byte> header = stackalloc byte[JournalFormat.SegmentHeaderSize];
        new SegmentHeader(number, firstPosition, previousHash.ToArray()).Write(header);
        RandomAccess.Write(handle, header, 0);

        // The header and the directory entry are durable before any record is written to the segment.
        RandomAccess.FlushToDisk(handle);
        DirectorySync.Flush(_options.JournalDirectory);
        return new SegmentFile(number, path, handle, JournalFormat.SegmentHeaderSize);
    }
}
