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

        // The checkpoint is read before the segments are listed: a writer rolls (creating the next segment) before it
        // can checkpoint in it, so every segment an anchor names already exists when the listing is taken. Listed
        // first, a reader beside a live writer could see an anchor in a segment created after its listing.
        var anchor = LoadCheckpoint(directory, out var checkpointIgnored);
        _options.AfterCheckpointReadForTesting?.Invoke();
        var paths = ListSegments(directory);
        if (anchor is not null)
        {
            RefuseUnlessAnchorHolds(directory, paths, anchor);
        }

        var hash = anchor?.Hash ?? new byte[JournalFormat.HashSize];
        var nextPosition = (anchor?.Count ?? 0) + 1;
        var report = new JournalRecoveryReport { LoadedFromCheckpoint = anchor is not null, CheckpointIgnoredReason = checkpointIgnored };
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

    // A damaged checkpoint is ignored (every record is then verified) and the reason reported; an intact one must
    // still find its anchor in the files, or the open is refused.
    private CheckpointAnchor? LoadCheckpoint(string directory, out string? ignoredReason)
    {
        ignoredReason = null;
        if (_options.Verification != JournalVerification.FromCheckpoint)
        {
            return null;
        }

        var anchor = CheckpointFile.TryLoad(directory, _index, out ignoredReason);
        if (anchor is null)
        {
            _index = new JournalIndex();
            return null;
        }

        return anchor;
    }

    // The checkpoint is written only after every record it covers is durable (a roll fsyncs the segment it leaves; a
    // checkpoint or a close fsyncs the last one first; a failed write or fsync poisons the journal and skips it), so an
    // intact checkpoint whose anchor is not in the files proves that committed (acked) records were lost or altered.
    private static void RefuseUnlessAnchorHolds(string directory, List<string> paths, CheckpointAnchor anchor)
    {
        var path = Path.Combine(directory, JournalFormat.SegmentFileName(anchor.Segment));
        string? problem = null;
        if (anchor.Segment >= paths.Count)
        {
            problem = "the segment is missing: committed events are missing";
        }
        else
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var length = RandomAccess.GetLength(handle);
            if (length < anchor.Offset)
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"the segment holds only {length} bytes: committed events are missing");
            }
            else if (!anchor.MatchesSegment(handle, length))
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"the {JournalFormat.HashSize} bytes before that offset are not its chain hash: records before the checkpoint's anchor were altered");
            }
        }

        if (problem is not null)
        {
            throw new JournalCorruptException(path, anchor.Offset, string.Create(CultureInfo.InvariantCulture,
                $"the checkpoint {CheckpointFile.FileName} says {anchor.Count} events were committed up to this offset, but {problem}; restore the segments, or move {CheckpointFile.FileName} aside to open what remains"));
        }
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
