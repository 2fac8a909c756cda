using System.Globalization;
using System.Runtime.CompilerServices;
using TradeFlow.Journal.Format;

namespace TradeFlow.Journal.Integrity;

/// <summary>The record walk of one segment, a buffer's worth of records at a time.</summary>
/// <remarks>
/// Each batch goes through three steps: frame its records (sequential: each length says where the next record
/// starts), compute every record's CRC-32C and chain-hash verdict on two threads, then apply the verdicts in file
/// order together with the checks that depend on what came before (positions, stream versions, commits). Three
/// batches are in flight at once: while batch n's records are hashed (by both threads), the scanning thread applies
/// batch n − 1 and the worker reads the buffer of batch n + 1 and frames it — framing on the thread whose read just
/// put the headers in its cache, and off the scanning thread, which keeps only the order-dependent checks and its
/// share of the hashing. Every problem is reported in the last step, so in the order and with the offsets a
/// record-by-record scan gives. The per-record methods are compiled fully optimized at once: a scan is one long
/// call made once per process, so tiered compilation would run its first hundreds of thousands of records in
/// unoptimized code (the profile showed the CRC loop quick-jitted) before the optimized version replaced it.
/// </remarks>
public sealed partial class JournalIntegrityScanner
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ScanRecords(string path, long length, bool isLast)
    {
        _committedEnd = JournalFormat.SegmentHeaderSize;
        _pendingRecords = 0;
        var slot = 0;
        var batch = _batches[slot];
        Frame(batch, _previous, JournalFormat.SegmentHeaderSize, length, isLast);
        RecordBatch? pending = null;
        while (true)
        {
            _options.CancellationToken.ThrowIfCancellationRequested();
            slot = (slot + 1) % _batches.Length;
            var next = batch.End == FrameEnd.More ? _batches[slot] : null;
            var current = batch;
            var previous = pending;
            _verifier.Verify(batch, path,
                next is null ? null : () => Frame(next, current.LastHash, current.EndOffset, length, isLast),
                previous is null ? null : () => Apply(path, previous));
            if (next is null)
            {
                Apply(path, batch);
                ReportEnd(path, batch, isLast);
                break;
            }

            pending = batch;
            batch = next;
        }

        if (_pendingRecords > 0 && !_resync && !isLast)
        {
            Report(path, _committedEnd, null, "the segment ends inside a commit (records after the last commit marker)");
        }

        if (isLast && !_resync)
        {
            // What follows the last commit marker is a commit still being written (or a torn one the writer will drop).
            _tailBytes += length - _committedEnd;
        }
    }

    // The sequential checks of a batch whose verdicts are in, record by record in file order.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Apply(string path, RecordBatch batch)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            if (i + RecordPrefetchDistance < batch.Count)
            {
                batch.HintRecord(i + RecordPrefetchDistance);
                _versions.PrefetchSlot(batch.StreamHash(i + StreamPrefetchDistance));
            }

            var isCommit = CheckRecord(path, batch, i);
            _records++;
            _pendingRecords++;
            if (isCommit)
            {
                _committedEnd = batch.Offset(i) + batch.Length(i);
                _pendingRecords = 0;
            }
        }

        batch.LastHash.CopyTo(_previous);
    }

    // A record's first lines and its stream's version slot are cache misses here (the buffer was last read by the
    // hashing, the slot table is megabytes and streams recur far apart): ask for the lines of the record a dozen ahead
    // and for the slot of the one six ahead, by the stream-id hash the hashing thread left in the batch, so that their
    // fetches overlap this record's checks. Both are only hints.
    private const int RecordPrefetchDistance = 12;
    private const int StreamPrefetchDistance = 6;

    // After the segment's last batch: reports why it ended early, if it did.
    private void ReportEnd(string path, RecordBatch batch, bool isLast)
    {
        switch (batch.End)
        {
            case FrameEnd.Unreadable:
                Unreadable(path, batch.EndOffset, batch.EndReason!);
                return;
            case FrameEnd.InvalidHeaderInLast:
                // A header is written before its record's bytes, so a damaged one is never a write in progress; only
                // a zero-filled tail of the last segment is a write that never landed.
                if (!(isLast && _reader.IsZeroFrom(batch.Window, batch.EndOffset)))
                {
                    Unreadable(path, batch.EndOffset, InvalidHeader);
                }

                return;
            default:
                return;
        }
    }

    // Framing reads one 12-byte header every few hundred bytes of a buffer another thread (or the kernel) just filled,
    // so each header was a cache miss on the scanning thread: RecordFrame.DeclaredLength showed at 5 % of verify's
    // samples. Asking for the line a kilobyte (about three records) ahead overlaps those misses; measured, the
    // framing's samples fell by a third (perf, alternated runs; 512 B ahead helped less, 2-4 KiB no more).
    private const int FramePrefetchDistance = 1024;

    private const string InvalidHeader = "the record header is invalid (length check failed); the rest of the segment cannot be framed";

    // Frames the records from offset that lie in the batch's window, reading it from there first when it does not
    // hold them. Runs on whichever thread reads the batch's buffer (the worker, mostly), while the batch before is
    // hashed and the one before that applied: it touches only its own batch and window, and reports nothing itself.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Frame(RecordBatch batch, ReadOnlySpan<byte> previousHash, long offset, long length, bool isLast)
    {
        batch.Reset(previousHash);
        var window = batch.Window;
        var at = offset;
        while (true)
        {
            var remaining = length - at;
            if (remaining <= 0)
            {
                batch.Stop(FrameEnd.SegmentEnd, at, null);
                return;
            }

            if (remaining < JournalFormat.RecordHeaderSize)
            {
                batch.Stop(isLast ? FrameEnd.Tail : FrameEnd.Unreadable, at,
                    string.Create(CultureInfo.InvariantCulture, $"the segment ends with {remaining} stray bytes, less than a record header"));
                return;
            }

            if (batch.Count > 0 && !window.Holds(at, JournalFormat.RecordHeaderSize))
            {
                batch.Stop(FrameEnd.More, at, null);
                return;
            }

            window.HintCacheLine(at + FramePrefetchDistance);
            var declared = RecordFrame.DeclaredLength(_reader.Read(window, at, JournalFormat.RecordHeaderSize));
            if (declared < 0)
            {
                batch.Stop(isLast ? FrameEnd.InvalidHeaderInLast : FrameEnd.Unreadable, at, InvalidHeader);
                return;
            }

            if (declared > remaining)
            {
                batch.Stop(isLast ? FrameEnd.Tail : FrameEnd.Unreadable, at, string.Create(CultureInfo.InvariantCulture,
                    $"the segment is truncated: the record declares {declared} bytes but only {remaining} remain"));
                return;
            }

            if (batch.Count > 0 && !window.Holds(at, declared))
            {
                batch.Stop(FrameEnd.More, at, null);
                return;
            }

            var record = _reader.Read(window, at, declared);
            if (isLast && at + declared == length && !RecordFrame.CrcMatches(record))
            {
                // The last record of the last segment, not yet whole: a write in progress.
                batch.Stop(FrameEnd.Tail, at, null);
                return;
            }

            batch.Add(at, declared);
            at += declared;
        }
    }

    private void Unreadable(string path, long offset, string reason)
    {
        Report(path, offset, null, reason);
        _resync = true;
    }

    // Applies one record's verdicts and its sequence checks, in file order; returns whether it ends its commit.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool CheckRecord(string path, RecordBatch batch, int index)
    {
        var offset = batch.Offset(index);
        var record = batch.Record(index);
        var verdict = batch.Verdict(index);
        var body = RecordFrame.Body(record);
        var position = body.Length >= JournalFormat.BodyFixedSize ? RecordCodec.ReadKey(body).Position : (long?)null;
        if ((verdict & RecordBatch.CrcHolds) == 0)
        {
            Report(path, offset, position, "CRC-32C mismatch (the record's bytes changed after it was written)");
            if (RecordCodec.IsWellFormed(body) && position == _nextPosition)
            {
                // The damage is elsewhere in the record: keep its stream's version count, so that one flipped bit is
                // one problem and not also a version gap at that stream's next event.
                _versions.Advance(RecordCodec.StreamBytes(body), RecordCodec.ReadKey(body).StreamVersion, out _);
            }

            _nextPosition++;
            return false;
        }

        var stored = RecordFrame.Hash(record);
        if ((verdict & RecordBatch.HashHolds) == 0)
        {
            Report(path, offset, position, "hash chain mismatch: the record's CRC holds but its chain hash does not (the record was edited and its CRC recomputed)");
        }

        if (!RecordCodec.IsWellFormed(body))
        {
            Report(path, offset, position, "malformed record body (its field lengths do not add up)");
            _nextPosition++;
            return false;
        }

        var key = RecordCodec.ReadKey(body);
        CheckSequence(path, offset, key, body);
        if (!_options.ExpectedHash.IsEmpty && stored.SequenceEqual(_options.ExpectedHash.Span))
        {
            _expectedHashPosition = key.Position;
        }

        if (_checkpoint is { } checkpoint && key.Position == checkpoint.Events)
        {
            _hashAtCheckpoint = stored.ToArray();
        }

        _options.OnRecord?.Invoke(new JournalRecordView(body, path, offset));
        if (batch.Finding(index) is { } finding)
        {
            _recordCheckProblems.Add(new JournalProblem(path, offset, key.Position, finding));
        }

        if (key.IsCommit)
        {
            _headPosition = key.Position;
            stored.CopyTo(_headHash);
        }

        return key.IsCommit;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CheckSequence(string path, long offset, RecordKey key, ReadOnlySpan<byte> body)
    {
        if (key.Position != _nextPosition)
        {
            Report(path, offset, key.Position, string.Create(CultureInfo.InvariantCulture, $"expected global position {_nextPosition}, found {key.Position}"));
        }

        _nextPosition = key.Position + 1;
        if (_versions.Advance(RecordCodec.StreamBytes(body), key.StreamVersion, out var stream) is { } expected)
        {
            Report(path, offset, key.Position, string.Create(CultureInfo.InvariantCulture, $"stream '{stream}' expected version {expected}, found {key.StreamVersion}"));
        }
    }
}
