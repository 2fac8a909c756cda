using System.Text;
using TradeFlow.Journal.Format;

namespace TradeFlow.Journal.Storage;

/// <summary>
/// Verifies the records of one segment — frame, CRC-32C, hash chain, body shape, dense positions and
/// stream versions — and feeds complete commits to the index. Decides what is a torn tail (only at the end
/// of the last segment, see docs/journal-format.md) and throws <see cref="JournalCorruptException"/> for
/// anything else.
/// </summary>
internal sealed class SegmentScanner(JournalIndex index) : IDisposable
{
    private readonly VerifyingChainHasher _hasher = new();
    private readonly List<(StreamEntry Entry, long Version, long Position, long Location, long Offset)> _staged = [];
    private readonly byte[] _computed = new byte[JournalFormat.HashSize];
    private readonly char[] _chars = new char[3 * 256];
    private byte[] _buffer = new byte[1 << 20];
    private long _bufferStart;
    private int _bufferLength;
    private SegmentFile _segment = null!;

    /// <summary>
    /// Scans <paramref name="segment"/> from <paramref name="start"/>. <paramref name="hash"/> holds the
    /// previous record's hash on entry and the last complete commit's hash on return;
    /// <paramref name="nextPosition"/> likewise.
    /// </summary>
    public ScanOutcome Scan(SegmentFile segment, long fileLength, long start, byte[] hash, ref long nextPosition, bool isLast, bool readOnly)
    {
        _segment = segment;
        _bufferLength = 0;
        _staged.Clear();
        var current = (byte[])hash.Clone();
        var (offset, committedEnd, records, position) = (start, start, 0L, nextPosition);
        while (offset < fileLength)
        {
            var failure = NextRecord(offset, fileLength, readOnly && isLast, out var record, out var tornCandidate);
            failure ??= Verify(record, current, position, readOnly || offset + record.Length == fileLength, out tornCandidate);
            if (failure is not null)
            {
                return EndAt(offset, committedEnd, records, failure, isLast && tornCandidate);
            }

            var key = RecordCodec.ReadKey(RecordFrame.Body(record));
            Stage(RecordFrame.Body(record), key, offset, position);
            RecordFrame.Hash(record).CopyTo(current);
            offset += record.Length;
            position++;
            if (key.IsCommit)
            {
                Commit();
                (committedEnd, records, nextPosition) = (offset, records + _staged.Count, position);
                current.CopyTo(hash, 0);
                _staged.Clear();
            }
        }

        return _staged.Count == 0
            ? new ScanOutcome(committedEnd, records, null)
            : EndAt(committedEnd, committedEnd, records, "the last commit has no commit marker (incomplete batch)", isLast);
    }

    private ScanOutcome EndAt(long offset, long committedEnd, long records, string reason, bool torn)
    {
        if (!torn)
        {
            throw new JournalCorruptException(_segment.Path, offset, reason);
        }

        _staged.Clear();
        return new ScanOutcome(committedEnd, records, reason);
    }

    // Reads the record at offset into the buffer; a failure says why it cannot be read and whether that may be a torn write.
    private string? NextRecord(long offset, long fileLength, bool lenient, out ReadOnlySpan<byte> record, out bool tornCandidate)
    {
        record = default;
        tornCandidate = true;
        var remaining = fileLength - offset;
        if (remaining < JournalFormat.RecordHeaderSize)
        {
            return $"only {remaining} bytes remain, less than a record header";
        }

        var length = RecordFrame.DeclaredLength(Window(offset, JournalFormat.RecordHeaderSize, fileLength));
        if (length < 0)
        {
            // A zero-filled tail is a write that never landed; anything else in a bad header is damage.
            tornCandidate = lenient || IsZeroFrom(offset, fileLength);
            return "the record header is invalid (length check failed)";
        }

        if (offset + length > fileLength)
        {
            return $"the record declares {length} bytes but only {remaining} remain";
        }

        tornCandidate = false;
        record = Window(offset, length, fileLength);
        return null;
    }

    private string? Verify(ReadOnlySpan<byte> record, byte[] previousHash, long position, bool mayBeTorn, out bool tornCandidate)
    {
        tornCandidate = false;
        if (!RecordFrame.CrcMatches(record))
        {
            // Only the very last record of the file can be a torn write; earlier damage is corruption. A
            // read-only opener may also be looking at a commit the writer is still copying in.
            tornCandidate = mayBeTorn;
            return "CRC-32C mismatch";
        }

        var body = RecordFrame.Body(record);
        _hasher.Chain(previousHash, body, _computed);
        if (!RecordFrame.Hash(record).SequenceEqual(_computed))
        {
            return "hash chain mismatch (the record or one before it was altered)";
        }

        if (!RecordCodec.IsWellFormed(body))
        {
            return "malformed record body";
        }

        var key = RecordCodec.ReadKey(body);
        return key.Position == position ? null : $"expected global position {position}, found {key.Position}";
    }

    private void Stage(ReadOnlySpan<byte> body, RecordKey key, long offset, long position)
    {
        var count = Encoding.UTF8.GetChars(RecordCodec.StreamBytes(body), _chars);
        var entry = index.GetOrAdd(_chars.AsSpan(0, count));
        _staged.Add((entry, key.StreamVersion, position, JournalFormat.Location(_segment.Number, offset), offset));
    }

    private void Commit()
    {
        foreach (var (entry, version, position, location, offset) in _staged)
        {
            if (version != entry.Version + 1)
            {
                throw new JournalCorruptException(_segment.Path, offset, $"stream '{entry.Name}' jumps from version {entry.Version} to {version}");
            }

            entry.Add(position);
            index.Stage(location);
        }

        index.Publish();
    }

    private ReadOnlySpan<byte> Window(long offset, int length, long fileLength)
    {
        if (offset < _bufferStart || offset + length > _bufferStart + _bufferLength)
        {
            if (length > _buffer.Length)
            {
                _buffer = new byte[length];
            }

            _bufferStart = offset;
            _bufferLength = (int)Math.Min(_buffer.Length, fileLength - offset);
            Fill(_buffer.AsSpan(0, _bufferLength), offset);
        }

        return _buffer.AsSpan((int)(offset - _bufferStart), length);
    }

    private void Fill(Span<byte> destination, long offset)
    {
        while (!destination.IsEmpty)
        {
            var read = RandomAccess.Read(_segment.Handle, destination, offset);
            if (read == 0)
            {
                throw new JournalCorruptException(_segment.Path, offset, "the file ended while reading (it shrank during the scan)");
            }

            destination = destination[read..];
            offset += read;
        }
    }

    private bool IsZeroFrom(long offset, long fileLength)
    {
        Span<byte> chunk = stackalloc byte[4096];
        for (var at = offset; at < fileLength; at += chunk.Length)
        {
            var slice = chunk[..(int)Math.Min(chunk.Length, fileLength - at)];
            Fill(slice, at);
            if (slice.ContainsAnyExcept((byte)0))
            {
                return false;
            }
        }

        return true;
    }

    public void Dispose() => _hasher.Dispose();
}
