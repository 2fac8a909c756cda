using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.Storage;
using TradeFlow.Journal.Format;
using TradeFlow.Journal.Storage;

namespace TradeFlow.Journal;

public sealed partial class EventJournal : IEventViewSource
{
    /// <inheritdoc />
    /// <remarks>
    /// The forward read of <see cref="ReadAll"/> (one large read per chunk into one reused buffer, the CRC rechecked
    /// per record) without materialising anything per event: each record is handed over as a view into the chunk.
    /// </remarks>
    public long ReadAllViews(GlobalPosition from, long maxCount, RecordedEventViewHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var range = ReadRange.Of(1, _index.Count, from.Value, Direction.Forwards, maxCount);
        var cache = new Utf8Cache();
        var chunk = new ReadChunk(new byte[Math.Min(ReadChunkSize, Math.Max(range.Count, 1) * 1024)], -1, 0, 0);
        for (var position = range.First; position < range.First + range.Count; position++)
        {
            var location = _index.LocationOf(position);
            if (!chunk.Covers(location))
            {
                chunk = Refill(chunk, location);
            }

            var record = chunk.Covers(location) ? chunk.RecordAt(location) : ReadRecord(location);
            CheckCrc(record.Span);
            handler(RecordCodec.View(RecordFrame.Body(record.Span), cache));
        }

        return range.Count;
    }
}
