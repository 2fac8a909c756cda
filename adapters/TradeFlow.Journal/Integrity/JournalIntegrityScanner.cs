using System.Buffers.Binary;
using System.Globalization;
using TradeFlow.Journal.Format;
using TradeFlow.Journal.Storage;

namespace TradeFlow.Journal.Integrity;

/// <summary>
/// A read-only, full integrity scan of an embedded journal, for <c>tradeflow-replay verify</c>. Unlike opening the
/// journal (which stops at the first damage), it reports <em>every</em> problem with its segment and offset and
/// carries on: header and CRC of every record, the SHA-256 hash chain across segments, dense global positions,
/// dense stream versions, commit markers, dense segment numbers, and the index checkpoint (a journal holding fewer
/// events than its last clean close covered was cut). Takes no lock and writes nothing, so it runs beside a live
/// writer: it reads each segment up to the length it had when the scan reached it. Memory is two read buffers plus
/// one entry per stream. The per-record CRC-32C and chain hash (and the caller's record check) run on two threads
/// when there are two processors (<see cref="BatchVerifier"/>); every other check, and every report, stays in file
/// order on the calling thread, so the report does not depend on the threads.
/// </summary>
public sealed partial class JournalIntegrityScanner : IDisposable
{
    private const int BufferSize = 4 << 20;
    private readonly JournalScanOptions _options;
    private readonly SegmentReader _reader;
    private readonly BatchVerifier _verifier;
    private readonly RecordBatch[] _batches;
    private readonly List<JournalProblem> _problems = [];
    private readonly List<JournalProblem> _recordCheckProblems = [];
    private readonly byte[] _previous = new byte[JournalFormat.HashSize];
    private readonly byte[] _headHash = new byte[JournalFormat.HashSize];
    private readonly StreamVersions _versions = new();
    private Checkpoint? _checkpoint;
    private byte[]? _hashAtCheckpoint;
    private long _nextPosition = 1;
    private long _headPosition;
    private long _records;
    private long _tailBytes;
    private long _committedEnd;
    private int _pendingRecords;
    private long? _expectedHashPosition;
    private bool _resync;

    private JournalIntegrityScanner(JournalScanOptions options, int bufferSize)
    {
        _options = options;
        _verifier = new BatchVerifier(options.Threads, options.CheckRecord);
        _reader = new SegmentReader(bufferSize);

        // Batch i is always framed in window i: the three batches in flight (applied, hashed, framed) never share one.
        _batches = new RecordBatch[SegmentReader.Windows];
        for (var i = 0; i < _batches.Length; i++)
        {
            _batches[i] = new RecordBatch(_reader.Window(i));
        }
    }

    /// <summary>Scans the journal under <paramref name="dataDirectory"/> (its <c>journal/</c> subdirectory).</summary>
    /// <exception cref="DirectoryNotFoundException">There is no journal directory.</exception>
    /// <exception cref="OperationCanceledException">The scan was cancelled.</exception>
    public static JournalScanReport Scan(string dataDirectory, JournalScanOptions? options = null) => Scan(dataDirectory, options, BufferSize);

    /// <summary>The scan with read buffers of <paramref name="bufferSize"/> bytes (tests use small ones to cross many buffer boundaries).</summary>
    internal static JournalScanReport Scan(string dataDirectory, JournalScanOptions? options, int bufferSize)
    {
        var directory = new JournalOptions(dataDirectory).JournalDirectory;
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"There is no journal in {dataDirectory} (no {directory} directory).");
        }

        using var scanner = new JournalIntegrityScanner(options ?? new JournalScanOptions(), bufferSize);
        return scanner.Run(directory);
    }

    /// <inheritdoc />
    public void Dispose() => _verifier.Dispose();

    private JournalScanReport Run(string directory)
    {
        // The checkpoint first, then the file list: a writer only ever adds after both.
        var warming = WarmUpRecordCheck(Path.Combine(directory, JournalFormat.SegmentFileName(0)));
        _checkpoint = Checkpoint.TryRead(Path.Combine(directory, CheckpointFile.FileName));
        if (_checkpoint is { } checkpoint)
        {
            // The writer's stream count at its last clean close: a table sized once, rather than grown through some
            // twenty rehashes whose fresh arrays were most of the scan's page faults. Only a hint (a journal may have
            // grown since, or be damaged): clamped to the events it covered, so a bad count cannot reserve much.
            _versions.Reserve(Math.Min(checkpoint.Streams, checkpoint.Events));
            PrefaultStreamTable(warming);
        }

        var segments = ListSegments(directory);
        var total = segments.Sum(s => new FileInfo(s.Path).Length);
        long expected = 0;
        foreach (var (number, path) in segments)
        {
            for (; expected < number; expected++)
            {
                var missing = Path.Combine(directory, JournalFormat.SegmentFileName(expected));
                Report(missing, 0, null, "the segment is missing (segment numbers must be dense from 0); the positions it held are unaccounted for");
                _resync = true;
            }

            expected = number + 1;
            ScanSegment(number, path, isLast: number == segments[^1].Number);
            _options.OnProgress?.Invoke(_reader.BytesRead, total);
        }

        CheckAgainstCheckpoint(directory);
        return new JournalScanReport
        {
            Segments = segments.Count,
            Records = _records,
            Bytes = _reader.BytesRead,
            Streams = _versions.Count,
            HeadPosition = _headPosition,
            HeadHash = Convert.ToHexStringLower(_headHash),
            TailBytes = _tailBytes,
            CheckpointEvents = _checkpoint?.Events,
            ExpectedHashPosition = _expectedHashPosition,
            Problems = _problems,
            RecordCheckProblems = _recordCheckProblems,
        };
    }

    // The caller's record check on the journal's first record, on the worker, while this thread reads the checkpoint
    // and frames the first buffer: the check's one-time set-up (a payload validator's metadata and code, ~0.1 s) then
    // overlaps them instead of holding up the first batch. Its answer is dropped; the batch checks that record again.
    // It reads nothing the scan relies on: segment 0 by name, whether or not the listing later finds it. True when the
    // worker got it.
    private bool WarmUpRecordCheck(string path)
    {
        if (_options.CheckRecord is not { } check || _options.Threads < 2 || !File.Exists(path))
        {
            return false;
        }

        var first = new byte[64 << 10];
        int read;
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            read = RandomAccess.Read(handle, first, 0);
        }
        catch (IOException)
        {
            // Gone or unreadable since: the scan itself will say so, if it still matters.
            return false;
        }

        var at = JournalFormat.SegmentHeaderSize;
        if (read < at + JournalFormat.RecordHeaderSize)
        {
            return false;
        }

        var length = RecordFrame.DeclaredLength(first.AsSpan(at, JournalFormat.RecordHeaderSize));
        if (length < 0 || at + length > read || !RecordFrame.CrcMatches(first.AsSpan(at, length)) || !RecordCodec.IsWellFormed(RecordFrame.Body(first.AsSpan(at, length))))
        {
            return false;
        }

        _verifier.WarmUp(() => check(new JournalRecordView(RecordFrame.Body(first.AsSpan(at, length)), path, at)));
        return true;
    }

    // The stream table's pages are faulted in before the first inserts, off the scan's path: on this thread while the
    // worker warms the record check up (the first batch waits for that anyway), else on the idle worker.
    private void PrefaultStreamTable(bool warming)
    {
        if (warming)
        {
            _versions.Prefault();
        }
        else if (_options.Threads > 1)
        {
            _verifier.WarmUp(_versions.Prefault);
        }
    }

    private static List<(long Number, string Path)> ListSegments(string directory)
    {
        var segments = new List<(long, string)>();
        foreach (var path in Directory.GetFiles(directory, "segment-*.tfj"))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (long.TryParse(name.AsSpan("segment-".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                segments.Add((number, path));
            }
        }

        segments.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return segments;
    }

    private void ScanSegment(long number, string path, bool isLast)
    {
        _options.CancellationToken.ThrowIfCancellationRequested();
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var length = RandomAccess.GetLength(handle);
        _reader.Attach(handle, length);
        if (length < JournalFormat.SegmentHeaderSize)
        {
            if (isLast)
            {
                // A writer creating its next segment: the header is not written yet.
                _tailBytes += length;
                return;
            }

            Report(path, 0, null, "the segment header is incomplete");
            _resync = true;
            return;
        }

        if (!CheckHeader(number, path))
        {
            _resync = true;
            return;
        }

        ScanRecords(path, length, isLast);
    }

    private bool CheckHeader(long number, string path)
    {
        // Into the first batch's window: its framing continues in the buffer this read fills.
        var failure = SegmentHeader.TryRead(_reader.Read(_batches[0].Window, 0, JournalFormat.SegmentHeaderSize), out var header);
        if (failure is not null)
        {
            Report(path, 0, null, failure);
            return false;
        }

        if (header.Number != number)
        {
            Report(path, 16, null, string.Create(CultureInfo.InvariantCulture, $"the header names segment {header.Number}"));
        }

        if (_resync)
        {
            // After damage the chain cannot be checked across the gap: continue from what this header says.
            header.PreviousHash.Span.CopyTo(_previous);
            _nextPosition = header.FirstPosition;
            _versions.Distrust();
            _resync = false;
            return true;
        }

        if (header.FirstPosition != _nextPosition)
        {
            Report(path, 24, null, string.Create(CultureInfo.InvariantCulture, $"the segment starts at position {header.FirstPosition}, expected {_nextPosition}"));
            _nextPosition = header.FirstPosition;
        }

        if (!header.PreviousHash.Span.SequenceEqual(_previous))
        {
            Report(path, 32, null, "the segment does not continue the previous segment's hash chain");
            header.PreviousHash.Span.CopyTo(_previous);
        }

        return true;
    }

    private void CheckAgainstCheckpoint(string directory)
    {
        if (_checkpoint is not { } checkpoint || checkpoint.Events == 0)
        {
            return;
        }

        var path = Path.Combine(directory, CheckpointFile.FileName);
        if (_headPosition < checkpoint.Events)
        {
            Report(path, 16, null, string.Create(CultureInfo.InvariantCulture,
                $"the index checkpoint covered {checkpoint.Events} events at the writer's last clean close, the journal now ends at position {_headPosition}: events were cut off (truncated or removed segment)"));
        }
        else if (_hashAtCheckpoint is not null && !_hashAtCheckpoint.AsSpan().SequenceEqual(checkpoint.Hash))
        {
            Report(path, 40, checkpoint.Events, "the chain hash at the checkpoint's position differs from the one the checkpoint sealed: history before it was rewritten");
        }
    }

    private void Report(string file, long offset, long? position, string reason) => _problems.Add(new JournalProblem(file, offset, position, reason));

    /// <summary>The header of <c>index.tfi</c>, when it is present and its checksum holds.</summary>
    private sealed record Checkpoint(long Events, byte[] Hash, long Streams)
    {
        // Streamed (the file holds 8 bytes per event) so that checking its CRC does not hold it all in memory.
        public static Checkpoint? TryRead(string path) =>
            CheckpointFile.ReadIntactHeader(path) is { } header && header.AsSpan(0, 8).SequenceEqual(JournalFormat.CheckpointMagic)
                ? new Checkpoint(BinaryPrimitives.ReadInt64LittleEndian(header.AsSpan(16)), header.AsSpan(40, 32).ToArray(), BinaryPrimitives.ReadInt64LittleEndian(header.AsSpan(72)))
                : null;
    }
}
