using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.Storage;
using TradeFlow.Journal.Format;

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
        foreach (var record in ForwardRecords(range))
        {
            CheckCrc(record.Span);
            handler(RecordCodec.View(RecordFrame.Body(record.Span), cache));
        }

        return range.Count;
    }
}
