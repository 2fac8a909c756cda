using TradeFlow.Domain.Values;
using TradeFlow.Engine;
using TradeFlow.EventSourcing;

namespace TradeFlow.Fix.TradeCapture;

/// <summary>
/// Rebuilds the <see cref="BookingIndex"/> from the event store before any session is accepted, so that after a
/// restart a cancel or replace naming an order booked before it still finds its trade. Only the first event each
/// accepted FIX command wrote on a trade stream counts: rejections name no trade the client may refer to. Every
/// FIX command's key, rejections included, is also recorded as journaled (<see cref="BookingIndex.IsJournaled"/>).
/// </summary>
public static class BookingIndexLoader
{
    private const string TradeStreamPrefix = "trade-";
    private const string RejectionType = "TradeRejected";

    /// <summary>Records every FIX capture found in <paramref name="store"/> into <paramref name="index"/>; returns how many.</summary>
    public static async Task<int> LoadAsync(IEventStore store, BookingIndex index, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(index);
        var recorded = 0;
        await foreach (var evt in store.ReadAllAsync(GlobalPosition.Start, Direction.Forwards, cancellationToken: cancellationToken)
            .ConfigureAwait(false))
        {
            if (!EngineEventMetadata.TryReadSourceKey(evt.Metadata.Span, out var sourceKey, out var eventIndex) || eventIndex != 0)
            {
                continue;
            }

            if (sourceKey.StartsWith(CaptureSourceKeys.Prefix, StringComparison.Ordinal))
            {
                index.RecordJournaled(sourceKey);
            }

            if (evt.Type != RejectionType
                && evt.StreamId.StartsWith(TradeStreamPrefix, StringComparison.Ordinal)
                && TradeId.TryParse(evt.StreamId.AsSpan(TradeStreamPrefix.Length), out var tradeId)
                && index.TryRecord(sourceKey, tradeId))
            {
                recorded++;
            }
        }

        return recorded;
    }
}
