using TradeFlow.EventSourcing;
using TradeFlow.Replay.Folding;

namespace TradeFlow.Replay.Export;

/// <summary>Which envelopes <c>export</c> writes: a position or recorded-time range (both inclusive) and a stream-name prefix.</summary>
internal sealed record ExportFilter(HistoryPoint? From, HistoryPoint? To, string? StreamPrefix)
{
    /// <summary>The first position to read (a position bound narrows the read; a time bound is checked per event).</summary>
    public long FirstPosition => From?.Position ?? 1;

    /// <summary>The last position to read.</summary>
    public long LastPosition(long head) => Math.Min(To?.Position ?? head, head);

    public bool Includes(RecordedEvent e) =>
        (From?.Time is not { } from || e.RecordedTime >= from)
        && (To?.Time is not { } to || e.RecordedTime <= to)
        && (StreamPrefix is null || e.StreamId.StartsWith(StreamPrefix, StringComparison.Ordinal));
}
