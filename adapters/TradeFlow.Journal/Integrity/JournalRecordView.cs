using System.Buffers.Binary;
using TradeFlow.Journal.Format;

namespace TradeFlow.Journal.Integrity;

/// <summary>A record's fields read in place from the scan buffer (no allocation); valid only during the callback.</summary>
public readonly ref struct JournalRecordView
{
    private readonly ReadOnlySpan<byte> _body;

    internal JournalRecordView(ReadOnlySpan<byte> body, string file, long offset)
    {
        _body = body;
        File = file;
        Offset = offset;
    }

    /// <summary>The segment file.</summary>
    public string File { get; }

    /// <summary>The record's byte offset in the segment.</summary>
    public long Offset { get; }

    /// <summary>The global position.</summary>
    public long Position => BinaryPrimitives.ReadInt64LittleEndian(_body[16..]);

    /// <summary>The stream version.</summary>
    public long StreamVersion => BinaryPrimitives.ReadInt64LittleEndian(_body[24..]);

    /// <summary>The payload's schema version.</summary>
    public int SchemaVersion => BinaryPrimitives.ReadInt32LittleEndian(_body[12..]);

    /// <summary>The UTF-8 stream id.</summary>
    public ReadOnlySpan<byte> Stream => RecordCodec.StreamBytes(_body);

    /// <summary>The UTF-8 event type name.</summary>
    public ReadOnlySpan<byte> Type =>
        _body.Slice(JournalFormat.BodyFixedSize + BinaryPrimitives.ReadUInt16LittleEndian(_body[2..]), BinaryPrimitives.ReadUInt16LittleEndian(_body[4..]));

    /// <summary>The serialized payload.</summary>
    public ReadOnlySpan<byte> Payload
    {
        get
        {
            var at = JournalFormat.BodyFixedSize + BinaryPrimitives.ReadUInt16LittleEndian(_body[2..]) + BinaryPrimitives.ReadUInt16LittleEndian(_body[4..])
                + Optional(BinaryPrimitives.ReadUInt16LittleEndian(_body[6..])) + Optional(BinaryPrimitives.ReadUInt16LittleEndian(_body[8..]));
            return _body.Slice(at, BinaryPrimitives.ReadInt32LittleEndian(_body[100..]));
        }
    }

    private static int Optional(ushort length) => length == JournalFormat.NullString ? 0 : length;
}
