using TradeFlow.Journal.Format;
using TradeFlow.Journal.Storage;

namespace TradeFlow.Journal.Reading;

/// <summary>
/// The segment files of a journal whose index checkpoint covers all of them, opened read-only, with their headers and
/// the checkpoint's count and head hash — nothing of the checkpoint's index is loaded. Built only when every condition
/// under which <see cref="EventJournal.OpenReadOnly"/> would trust the checkpoint and verify no record holds: the
/// checkpoint intact (magic, version, CRC-32C of the whole file) and its numbers possible, its anchor at the very end
/// of the last segment and matching the hash stored there, segment numbers dense from 0, every header valid and
/// numbered.
/// </summary>
internal sealed class JournalSegments : IDisposable
{
    private JournalSegments(SegmentFile[] files, SegmentHeader[] headers, long eventCount, byte[] headHash)
    {
        Files = files;
        Headers = headers;
        EventCount = eventCount;
        HeadHash = headHash;
        TotalBytes = files.Sum(f => f.Length);
    }

    public SegmentFile[] Files { get; }

    public SegmentHeader[] Headers { get; }

    public long EventCount { get; }

    public byte[] HeadHash { get; }

    public long TotalBytes { get; }

    /// <summary>The segments, or null when the journal must be opened (and verified) by <see cref="EventJournal"/>.</summary>
    public static JournalSegments? TryOpen(string directory)
    {
        if (!Directory.Exists(directory) || ReadAnchor(directory) is not { } anchor)
        {
            return null;
        }

        var paths = Directory.GetFiles(directory, "segment-*.tfj").Order(StringComparer.Ordinal).ToList();
        if (paths.Count != anchor.Segment + 1
            || paths.Where((path, i) => Path.GetFileName(path) != JournalFormat.SegmentFileName(i)).Any())
        {
            return null;
        }

        var files = new List<SegmentFile>(paths.Count);
        try
        {
            var headers = new SegmentHeader[paths.Count];
            for (var number = 0; number < paths.Count; number++)
            {
                var handle = File.OpenHandle(paths[number], FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                long length;
                try
                {
                    length = RandomAccess.GetLength(handle);
                }
                catch
                {
                    handle.Dispose();
                    throw;
                }

                files.Add(new SegmentFile(number, paths[number], handle, length));
                if (!TryReadHeader(files[^1], out headers[number]))
                {
                    files.ForEach(f => f.Dispose());
                    return null;
                }
            }

            if (files[^1].Length != anchor.Offset || !anchor.MatchesSegment(files[^1].Handle, files[^1].Length))
            {
                files.ForEach(f => f.Dispose());
                return null;
            }

            return new JournalSegments([.. files], headers, anchor.Count, anchor.Hash);
        }
        catch
        {
            files.ForEach(f => f.Dispose());
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var file in Files)
        {
            file.Dispose();
        }
    }

    // The checkpoint's header, if the whole file is intact (streamed: the index after the header is never kept), read
    // as the journal's open reads it. A checkpoint that passes its CRC but holds impossible numbers (a writer bug, a
    // forged file) is null here too: the journal's own open ignores it and verifies every record.
    private static CheckpointAnchor? ReadAnchor(string directory) =>
        CheckpointFile.ReadIntactHeader(Path.Combine(directory, CheckpointFile.FileName)) is { } header ? CheckpointFile.ReadAnchor(header) : null;

    private static bool TryReadHeader(SegmentFile file, out SegmentHeader header)
    {
        Span<byte> bytes = stackalloc byte[JournalFormat.SegmentHeaderSize];
        var read = RandomAccess.Read(file.Handle, bytes, 0);
        return SegmentHeader.TryRead(bytes[..read], out header) is null && header.Number == file.Number;
    }
}
