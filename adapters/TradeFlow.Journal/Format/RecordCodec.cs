using System.Buffers.Binary;
using System.Text;
using TradeFlow.EventSourcing;

namespace TradeFlow.Journal.Format;

/// <summary>Writes and reads a record body (layout in docs/journal-format.md). Little-endian throughout.</summary>
internal static class RecordCodec
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The whole record's size for <paramref name="data"/> appended to a stream whose UTF-8 id is <paramref name="streamBytes"/> long.</summary>
    public static int RecordSize(int streamBytes, in EventData data)
    {
        long size = JournalFormat.RecordHeaderSize + JournalFormat.BodyFixedSize + JournalFormat.HashSize
            + streamBytes + Utf8.GetByteCount(data.Type) + OptionalSize(data.Source, nameof(data.Source))
            + OptionalSize(data.Actor, nameof(data.Actor)) + data.Payload.Length + data.Metadata.Length;
        if (size > JournalFormat.MaxRecordLength)
        {
            throw new ArgumentException($"Event {data.EventId} needs a {size}-byte record; the journal's limit is {JournalFormat.MaxRecordLength} bytes.", nameof(data));
        }

        return (int)size;
    }

    /// <summary>Writes the body of <paramref name="data"/> at <paramref name="version"/> / <paramref name="position"/>.</summary>
    public static void WriteBody(Span<byte> body, string stream, long version, long position, in EventData data, bool commit)
    {
        body[..JournalFormat.BodyFixedSize].Clear();
        body[0] = commit ? JournalFormat.CommitFlag : (byte)0;
        BinaryPrimitives.WriteInt32LittleEndian(body[12..], data.SchemaVersion);
        BinaryPrimitives.WriteInt64LittleEndian(body[16..], position);
        BinaryPrimitives.WriteInt64LittleEndian(body[24..], version);
        data.EventId.TryWriteBytes(body[32..]);
        data.CorrelationId.TryWriteBytes(body[48..]);
        data.CausationId.TryWriteBytes(body[64..]);
        WriteTime(body, 80, 96, data.RecordedTime);
        WriteTime(body, 88, 98, data.EffectiveTime);
        BinaryPrimitives.WriteInt32LittleEndian(body[100..], data.Payload.Length);
        BinaryPrimitives.WriteInt32LittleEndian(body[104..], data.Metadata.Length);
        var at = JournalFormat.BodyFixedSize;
        at += WriteString(body, 2, at, stream);
        at += WriteString(body, 4, at, data.Type);
        at += WriteString(body, 6, at, data.Source);
        at += WriteString(body, 8, at, data.Actor);
        data.Payload.Span.CopyTo(body[at..]);
        data.Metadata.Span.CopyTo(body[(at + data.Payload.Length)..]);
    }

    /// <summary>The fixed fields recovery needs, without materialising the event.</summary>
    public static RecordKey ReadKey(ReadOnlySpan<byte> body) => new(
        body[0],
        BinaryPrimitives.ReadInt64LittleEndian(body[16..]),
        BinaryPrimitives.ReadInt64LittleEndian(body[24..]),
        new Guid(body.Slice(32, 16)));

    /// <summary>The UTF-8 stream id of a body.</summary>
    public static ReadOnlySpan<byte> StreamBytes(ReadOnlySpan<byte> body) =>
        body.Slice(JournalFormat.BodyFixedSize, BinaryPrimitives.ReadUInt16LittleEndian(body[2..]));

    /// <summary>True when the variable lengths add up to the body's size (a CRC-valid body can still be malformed by a buggy or hostile writer).</summary>
    public static bool IsWellFormed(ReadOnlySpan<byte> body)
    {
        if (body.Length < JournalFormat.BodyFixedSize)
        {
            return false;
        }

        long size = JournalFormat.BodyFixedSize + BinaryPrimitives.ReadUInt16LittleEndian(body[2..]) + BinaryPrimitives.ReadUInt16LittleEndian(body[4..])
            + Optional(BinaryPrimitives.ReadUInt16LittleEndian(body[6..])) + Optional(BinaryPrimitives.ReadUInt16LittleEndian(body[8..]))
            + (long)(uint)BinaryPrimitives.ReadInt32LittleEndian(body[100..]) + (uint)BinaryPrimitives.ReadInt32LittleEndian(body[104..]);
        return size == body.Length;
    }

    /// <summary>
    /// Materialises a body. Payload and metadata are copied into one new array per event, so the caller
    /// can reuse its read buffer and a consumer that keeps an event does not pin a whole read chunk.
    /// </summary>
    public static RecordedEvent Decode(ReadOnlySpan<byte> body, Utf8Cache cache)
    {
        var at = JournalFormat.BodyFixedSize;
        var stream = cache.Get(Take(body, 2, ref at));
        var type = cache.Get(Take(body, 4, ref at));
        var source = TakeOptional(body, 6, ref at, null);
        var actor = TakeOptional(body, 8, ref at, cache);
        var payloadLength = BinaryPrimitives.ReadInt32LittleEndian(body[100..]);
        var metadataLength = BinaryPrimitives.ReadInt32LittleEndian(body[104..]);
        var bytes = body.Slice(at, payloadLength + metadataLength).ToArray();
        var data = new EventData(new Guid(body.Slice(32, 16)), type, BinaryPrimitives.ReadInt32LittleEndian(body[12..]), bytes.AsMemory(0, payloadLength), ReadTime(body, 80, 96), ReadTime(body, 88, 98))
        {
            CorrelationId = new Guid(body.Slice(48, 16)),
            CausationId = new Guid(body.Slice(64, 16)),
            Source = source,
            Actor = actor,
            Metadata = metadataLength == 0 ? ReadOnlyMemory<byte>.Empty : bytes.AsMemory(payloadLength, metadataLength),
        };
        return new RecordedEvent(stream, BinaryPrimitives.ReadInt64LittleEndian(body[24..]), GlobalPosition.FromInt64(BinaryPrimitives.ReadInt64LittleEndian(body[16..])), data);
    }

    /// <summary>
    /// The fold's fields of a body, in place: no envelope, no payload copy, and no stream, source or actor string
    /// (a replay of 1M events over 200,000 streams allocated a stream id per event: too many for the cache).
    /// </summary>
    public static RecordedEventView View(ReadOnlySpan<byte> body, Utf8Cache cache)
    {
        var at = JournalFormat.BodyFixedSize + BinaryPrimitives.ReadUInt16LittleEndian(body[2..]);
        var type = cache.Get(Take(body, 4, ref at));
        at += (int)Optional(BinaryPrimitives.ReadUInt16LittleEndian(body[6..])) + (int)Optional(BinaryPrimitives.ReadUInt16LittleEndian(body[8..]));
        return new RecordedEventView(GlobalPosition.FromInt64(BinaryPrimitives.ReadInt64LittleEndian(body[16..])), new Guid(body.Slice(32, 16)),
            type, BinaryPrimitives.ReadInt32LittleEndian(body[12..]), ReadTime(body, 80, 96), ReadTime(body, 88, 98),
            body.Slice(at, BinaryPrimitives.ReadInt32LittleEndian(body[100..])));
    }

    private static int OptionalSize(string? value, string name)
    {
        if (value is null)
        {
            return 0;
        }

        var count = Utf8.GetByteCount(value);
        return count < JournalFormat.NullString ? count : throw new ArgumentException($"{name} is longer than {JournalFormat.NullString - 1} UTF-8 bytes.", name);
    }

    private static long Optional(ushort length) => length == JournalFormat.NullString ? 0 : length;

    private static int WriteString(Span<byte> body, int lengthAt, int at, string? value)
    {
        if (value is null)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(body[lengthAt..], JournalFormat.NullString);
            return 0;
        }

        var written = Utf8.GetBytes(value, body[at..]);
        BinaryPrimitives.WriteUInt16LittleEndian(body[lengthAt..], (ushort)written);
        return written;
    }

    private static ReadOnlySpan<byte> Take(ReadOnlySpan<byte> body, int lengthAt, ref int at)
    {
        int length = BinaryPrimitives.ReadUInt16LittleEndian(body[lengthAt..]);
        var slice = body.Slice(at, length);
        at += length;
        return slice;
    }

    // Actors repeat (cache them); sources are usually unique per event (a FIX sequence number), so not cached.
    private static string? TakeOptional(ReadOnlySpan<byte> body, int lengthAt, ref int at, Utf8Cache? cache)
    {
        var length = BinaryPrimitives.ReadUInt16LittleEndian(body[lengthAt..]);
        if (length == JournalFormat.NullString)
        {
            return null;
        }

        var bytes = Take(body, lengthAt, ref at);
        return cache is null ? Utf8.GetString(bytes) : cache.Get(bytes);
    }

    private static void WriteTime(Span<byte> body, int ticksAt, int offsetAt, DateTimeOffset time)
    {
        BinaryPrimitives.WriteInt64LittleEndian(body[ticksAt..], time.UtcTicks);
        BinaryPrimitives.WriteInt16LittleEndian(body[offsetAt..], (short)time.TotalOffsetMinutes);
    }

    private static DateTimeOffset ReadTime(ReadOnlySpan<byte> body, int ticksAt, int offsetAt)
    {
        var offset = TimeSpan.FromMinutes(BinaryPrimitives.ReadInt16LittleEndian(body[offsetAt..]));
        return new DateTimeOffset(BinaryPrimitives.ReadInt64LittleEndian(body[ticksAt..]) + offset.Ticks, offset);
    }
}
