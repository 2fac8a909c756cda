using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.Storage;
using TradeFlow.Journal.Format;
using TradeFlow.Journal.Storage;

namespace TradeFlow.Journal;

public sealed partial class EventJournal
{
    // Sequential reads fetch this much per read call into one buffer reused for the whole read.
    private const int ReadChunkSize = 1 << 20;

    /// <inheritdoc />
    public override long GetStreamVersion(string stream)
    {
        StreamName.Validate(stream);
        // The durable head first: a stream's written-not-durable versions are not the readers' yet.
        var head = _index.Count;
        return _index.Find(stream)?.VersionAt(head) ?? StreamVersion.None;
    }

    /// <inheritdoc />
    public override IEnumerable<RecordedEvent> ReadStream(string stream, Direction direction, long fromVersion, long maxCount = long.MaxValue)
    {
        StreamName.Validate(stream);
        var head = _index.Count;
        var entry = _index.Find(stream);
        return entry is null ? [] : ReadStreamRange(entry, ReadRange.Of(0, entry.VersionAt(head) + 1, fromVersion, direction, maxCount));
    }

    /// <inheritdoc />
    public override IEnumerable<RecordedEvent> ReadAll(GlobalPosition from, Direction direction, long maxCount = long.MaxValue)
    {
        var range = ReadRange.Of(1, _index.Count, from.Value, direction, maxCount);
        return direction == Direction.Forwards ? ReadForwards(range) : ReadByPosition(range);
    }

    private IEnumerable<RecordedEvent> ReadStreamRange(StreamEntry entry, ReadRange range)
    {
        var cache = new Utf8Cache();
        for (var i = 0L; i < range.Count; i++)
        {
            yield return Decode(ReadRecord(_index.LocationOf(entry.PositionAt(range.First + (i * range.Step)))), cache);
        }
    }

    private IEnumerable<RecordedEvent> ReadByPosition(ReadRange range)
    {
        var cache = new Utf8Cache();
        for (var i = 0L; i < range.Count; i++)
        {
            yield return Decode(ReadRecord(_index.LocationOf(range.First + (i * range.Step))), cache);
        }
    }

    private IEnumerable<RecordedEvent> ReadForwards(ReadRange range)
    {
        var cache = new Utf8Cache();
        foreach (var record in ForwardRecords(range))
        {
            yield return Decode(record, cache);
        }
    }

    // Forwards through the files: one large read per chunk into a reused buffer, each record handed out in place
    // (valid until the next one is asked for).
    private IEnumerable<ReadOnlyMemory<byte>> ForwardRecords(ReadRange range)
    {
        var chunk = new ReadChunk(new byte[Math.Min(ReadChunkSize, Math.Max(range.Count, 1) * 1024)], -1, 0, 0);
        for (var position = range.First; position < range.First + range.Count; position++)
        {
            var location = _index.LocationOf(position);
            if (!chunk.Covers(location))
            {
                chunk = Refill(chunk, location);
            }

            yield return chunk.Covers(location) ? chunk.RecordAt(location) : ReadRecord(location);
        }
    }

    // Reads from the record at location onwards into the chunk's buffer (a record larger than the buffer is read on its own).
    private ReadChunk Refill(ReadChunk chunk, long location)
    {
        var segment = Segment(location);
        var offset = JournalFormat.OffsetOf(location);
        var available = (int)Math.Min(chunk.Buffer.Length, segment.Length - offset);
        ReadExactly(segment, chunk.Buffer.AsSpan(0, available), offset);
        return new ReadChunk(chunk.Buffer, segment.Number, offset, available);
    }

    private RecordKey ReadKey(long position) => RecordCodec.ReadKey(RecordFrame.Body(ReadRecord(_index.LocationOf(position)).Span));

    private ReadOnlyMemory<byte> ReadRecord(long location)
    {
        var segment = Segment(location);
        var offset = JournalFormat.OffsetOf(location);
        Span<byte> header = stackalloc byte[JournalFormat.RecordHeaderSize];
        ReadExactly(segment, header, offset);
        var length = RecordFrame.DeclaredLength(header);
        if (length < 0)
        {
            throw new JournalCorruptException(segment.Path, offset, "the record header is invalid (length check failed)");
        }

        var record = new byte[length];
        ReadExactly(segment, record, offset);
        return record;
    }

    private RecordedEvent Decode(ReadOnlyMemory<byte> record, Utf8Cache cache)
    {
        CheckCrc(record.Span);
        return RecordCodec.Decode(RecordFrame.Body(record.Span), cache);
    }

    // Records were verified when the journal opened (or when written); the CRC is rechecked on every read
    // anyway, because it is cheap and catches a disk that rots under a long-running process.
    private void CheckCrc(ReadOnlySpan<byte> record)
    {
        if (!RecordFrame.CrcMatches(record))
        {
            var position = RecordCodec.ReadKey(RecordFrame.Body(record)).Position;
            var location = _index.LocationOf(position);
            throw new JournalCorruptException(Segment(location).Path, JournalFormat.OffsetOf(location), "CRC-32C mismatch on read");
        }
    }

    private SegmentFile Segment(long location) => Volatile.Read(ref _segments)[JournalFormat.SegmentOf(location)];

    private static void ReadExactly(SegmentFile segment, Span<byte> destination, long offset)
    {
        while (!destination.IsEmpty)
        {
            var read = RandomAccess.Read(segment.Handle, destination, offset);
            if (read == 0)
            {
                throw new JournalCorruptException(segment.Path, offset, "the segment ends before a record that the index points to");
            }

            destination = destination[read..];
            offset += read;
        }
    }
}
