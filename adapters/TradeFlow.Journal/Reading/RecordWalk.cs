using System.Buffers.Binary;
using System.Globalization;
using TradeFlow.Journal.Format;

namespace TradeFlow.Journal.Reading;

/// <summary>
/// Walks the records of <see cref="JournalSegments"/> in file order, one large read per chunk into one reused buffer,
/// checking each record on the way: the length's own check and CRC-32C (the messages of the journal's read path), a
/// well-formed body, the next global position, each segment header against the stored hash and position before it,
/// and — when asked — the chain hash, SHA-256 of the stored hash before it and its body (the messages of the journal's
/// verified open); and, at the checkpoint's count, that the walk ends at its anchor (<see cref="CheckAtAnchor"/>). Each
/// body is handed out in place, valid until the next call. A chunk smaller than a record is grown to it.
/// </summary>
internal sealed class RecordWalk : IDisposable
{
    private readonly JournalSegments _segments;
    private readonly VerifyingChainHasher? _hasher;
    private readonly byte[] _previous = new byte[JournalFormat.HashSize];
    private readonly byte[] _computed = new byte[JournalFormat.HashSize];
    private byte[] _buffer;
    private int _segment = -1;
    private long _offset;
    private long _recordStart;
    private long _bufferStart;
    private int _bufferLength;

    public RecordWalk(JournalSegments segments, int chunkSize, bool checkChain)
    {
        _segments = segments;
        _hasher = checkChain ? new VerifyingChainHasher() : null;
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        _buffer = new byte[chunkSize];
    }

    /// <summary>The body of the record at <paramref name="position"/>, which must be the record after the last one returned.</summary>
    public ReadOnlySpan<byte> Next(long position)
    {
        while (_segment < 0 || _offset == _segments.Files[_segment].Length)
        {
            EnterNextSegment(position);
        }

        var file = _segments.Files[_segment];
        if (file.Length - _offset < JournalFormat.RecordHeaderSize)
        {
            throw Corrupt(string.Create(CultureInfo.InvariantCulture, $"only {file.Length - _offset} bytes remain, less than a record header"));
        }

        var length = RecordFrame.DeclaredLength(Window(JournalFormat.RecordHeaderSize));
        if (length < 0)
        {
            throw Corrupt(DamagedLengthReason(file.Length - _offset));
        }

        if (length > file.Length - _offset)
        {
            throw Corrupt(string.Create(CultureInfo.InvariantCulture, $"the record declares {length} bytes but only {file.Length - _offset} remain"));
        }

        var record = Window(length);
        Check(record, position);
        RecordFrame.Hash(record).CopyTo(_previous);
        _recordStart = _offset;
        _offset += length;
        return RecordFrame.Body(record);
    }

    /// <summary>
    /// After the record at the checkpoint's count: the walk must stand exactly at the checkpoint's anchor — the end of
    /// the last segment — and the last record's chain hash must be the checkpoint's head hash. Otherwise the checkpoint
    /// counts fewer records than the files hold (or a record changed since the reader opened), and a read that stopped
    /// there would silently leave events out.
    /// </summary>
    public void CheckAtAnchor()
    {
        // A last segment holding only its header (a crash between a roll and the write that needed it, then a clean
        // close) follows the last record: step into it, checking that its header continues the chain.
        while (_segment < _segments.Files.Length - 1 && _offset == _segments.Files[_segment].Length)
        {
            EnterNextSegment(_segments.EventCount + 1);
        }

        var last = _segments.Files[^1];
        if (_segment != _segments.Files.Length - 1 || _offset != last.Length)
        {
            throw Corrupt(string.Create(CultureInfo.InvariantCulture,
                $"a record follows the checkpoint's last event (position {_segments.EventCount}); its anchor is byte {last.Length} of {Path.GetFileName(last.Path)}"));
        }

        if (!_previous.AsSpan().SequenceEqual(_segments.HeadHash))
        {
            throw new JournalCorruptException(last.Path, _recordStart, "the last record's chain hash is not the checkpoint's head hash");
        }
    }

    public void Dispose() => _hasher?.Dispose();

    private void Check(ReadOnlySpan<byte> record, long position)
    {
        if (!RecordFrame.CrcMatches(record))
        {
            throw Corrupt("CRC-32C mismatch on read");
        }

        var body = RecordFrame.Body(record);
        if (_hasher is not null && !ChainMatches(record, body))
        {
            throw Corrupt("hash chain mismatch (the record or one before it was altered)");
        }

        if (!RecordCodec.IsWellFormed(body))
        {
            throw Corrupt("malformed record body");
        }

        var found = RecordCodec.ReadKey(body).Position;
        if (found != position)
        {
            throw Corrupt(string.Create(CultureInfo.InvariantCulture, $"expected global position {position}, found {found}"));
        }
    }

    // The journal's read trusts a length that fits the bytes it has read and lets the record's CRC-32C refuse it; only a
    // length that cannot be a record there fails its header check. Same damage, same message.
    private string DamagedLengthReason(long remaining)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(Window(JournalFormat.RecordHeaderSize));
        return length >= JournalFormat.MinRecordLength && length <= Math.Min(remaining, JournalFormat.MaxRecordLength)
            && !RecordFrame.CrcMatches(Window(length))
            ? "CRC-32C mismatch on read"
            : "the record header is invalid (length check failed)";
    }

    private bool ChainMatches(ReadOnlySpan<byte> record, ReadOnlySpan<byte> body)
    {
        _hasher!.Chain(_previous, body, _computed);
        return RecordFrame.Hash(record).SequenceEqual(_computed);
    }

    // The next segment must start at the next position and continue the chain (zeros before segment 0).
    private void EnterNextSegment(long position)
    {
        if (_segment == _segments.Files.Length - 1)
        {
            var last = _segments.Files[_segment];
            throw new JournalCorruptException(last.Path, last.Length,
                string.Create(CultureInfo.InvariantCulture, $"the journal ends before position {position} (its checkpoint counts {_segments.EventCount} events)"));
        }

        _segment++;
        _offset = JournalFormat.SegmentHeaderSize;
        _bufferLength = 0;
        var file = _segments.Files[_segment];
        var header = _segments.Headers[_segment];
        if (header.FirstPosition != position)
        {
            throw new JournalCorruptException(file.Path, 24, string.Create(CultureInfo.InvariantCulture, $"the segment starts at position {header.FirstPosition}, expected {position}"));
        }

        if (!header.PreviousHash.Span.SequenceEqual(_previous))
        {
            throw new JournalCorruptException(file.Path, 32, "the segment does not continue the previous segment's hash chain");
        }
    }

    // The next `length` bytes of the current segment, read into the buffer when they are not all there.
    private ReadOnlySpan<byte> Window(int length)
    {
        if (_offset < _bufferStart || _offset + length > _bufferStart + _bufferLength)
        {
            if (length > _buffer.Length)
            {
                _buffer = new byte[length];
            }

            var file = _segments.Files[_segment];
            _bufferStart = _offset;
            _bufferLength = (int)Math.Min(_buffer.Length, file.Length - _offset);
            Fill(_buffer.AsSpan(0, _bufferLength));
        }

        return _buffer.AsSpan((int)(_offset - _bufferStart), length);
    }

    private void Fill(Span<byte> destination)
    {
        var file = _segments.Files[_segment];
        for (var at = _offset; !destination.IsEmpty;)
        {
            var read = RandomAccess.Read(file.Handle, destination, at);
            if (read == 0)
            {
                throw new JournalCorruptException(file.Path, at, "the segment ends before a record that the index points to");
            }

            destination = destination[read..];
            at += read;
        }
    }

    private JournalCorruptException Corrupt(string reason) => new(_segments.Files[_segment].Path, _offset, reason);
}
