using System.Globalization;
using System.Runtime.CompilerServices;
using TradeFlow.Journal.Format;

namespace TradeFlow.Journal.Integrity;

/// <summary>The record walk of one segment.</summary>
/// <remarks>
/// The per-record methods are compiled fully optimized at once: a scan is one long call made once per process, so
/// tiered compilation would run its first hundreds of thousands of records in unoptimized code (the profile showed
/// the CRC loop quick-jitted) before the optimized version replaced it.
/// </remarks>
public sealed partial class JournalIntegrityScanner
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ScanRecords(string path, long length, bool isLast)
    {
        long offset = JournalFormat.SegmentHeaderSize;
        var committedEnd = offset;
        var pending = 0;
        while (offset < length)
        {
            if ((_records & 0xFFFF) == 0)
            {
                _options.CancellationToken.ThrowIfCancellationRequested();
            }

            var record = NextRecord(path, offset, length, isLast);
            if (record.IsEmpty)
            {
                break;
            }

            var isCommit = CheckRecord(path, offset, record);
            record[^JournalFormat.HashSize..].CopyTo(_previous);
            _records++;
            offset += record.Length;
            pending++;
            if (isCommit)
            {
                committedEnd = offset;
                pending = 0;
            }
        }

        if (pending > 0 && !_resync && !isLast)
        {
            Report(path, committedEnd, null, "the segment ends inside a commit (records after the last commit marker)");
        }

        if (isLast && !_resync)
        {
            // What follows the last commit marker is a commit still being written (or a torn one the writer will drop).
            _tailBytes += length - committedEnd;
        }
    }

    // The whole record at offset, or empty when the rest of the segment cannot be read (reported, or a live tail).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ReadOnlySpan<byte> NextRecord(string path, long offset, long length, bool isLast)
    {
        var remaining = length - offset;
        if (remaining < JournalFormat.RecordHeaderSize)
        {
            return isLast ? default : Unreadable(path, offset, string.Create(CultureInfo.InvariantCulture, $"the segment ends with {remaining} stray bytes, less than a record header"));
        }

        var declared = RecordFrame.DeclaredLength(_reader.Read(offset, JournalFormat.RecordHeaderSize));
        if (declared < 0)
        {
            // A header is written before its record's bytes, so a damaged one is never a write in progress; only
            // a zero-filled tail of the last segment is a write that never landed.
            return isLast && _reader.IsZeroFrom(offset)
                ? default
                : Unreadable(path, offset, "the record header is invalid (length check failed); the rest of the segment cannot be framed");
        }

        if (declared > remaining)
        {
            return isLast ? default : Unreadable(path, offset, string.Create(CultureInfo.InvariantCulture,
                $"the segment is truncated: the record declares {declared} bytes but only {remaining} remain"));
        }

        var record = _reader.Read(offset, declared);
        return isLast && offset + declared == length && !RecordFrame.CrcMatches(record) ? default : record;
    }

    private ReadOnlySpan<byte> Unreadable(string path, long offset, string reason)
    {
        Report(path, offset, null, reason);
        _resync = true;
        return default;
    }

    // Checks one framed record; returns whether it ends its commit.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool CheckRecord(string path, long offset, ReadOnlySpan<byte> record)
    {
        var body = RecordFrame.Body(record);
        var position = body.Length >= JournalFormat.BodyFixedSize ? RecordCodec.ReadKey(body).Position : (long?)null;
        if (!RecordFrame.CrcMatches(record))
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

        _hasher.Chain(_previous, body, _computed);
        var stored = RecordFrame.Hash(record);
        if (!stored.SequenceEqual(_computed))
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
