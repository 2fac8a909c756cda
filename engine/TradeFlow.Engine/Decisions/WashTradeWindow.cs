using System.Runtime.InteropServices;
using TradeFlow.Domain.Values;

namespace TradeFlow.Engine.Decisions;

/// <summary>
/// Recent direct bookings by <see cref="WashKey"/>, for wash-trade detection: a booking is a wash when its
/// mirror (same trader, instrument, price and quantity, opposite side) was booked within the window,
/// measured on the bookings' execution (effective) times — which are journaled, so recovery rebuilds the
/// same window. The window holds each key's latest booking while its time is within the window of the latest
/// execution time seen (the horizon); a booking further behind is never matched, even by a back-dated booking
/// close to it. That rule alone decides the answers: memory is reclaimed lazily, in booking order, and an entry
/// still held but behind the horizon answers as if it were gone.
/// </summary>
internal sealed class WashTradeWindow
{
    private readonly Dictionary<WashKey, (DateTimeOffset Time, TradeId Trade)> _latest = [];
    private readonly Queue<(WashKey Key, DateTimeOffset Time)> _order = new();
    private readonly TimeSpan _window;
    private DateTimeOffset _horizon = DateTimeOffset.MinValue;

    /// <summary>Creates a window of <paramref name="window"/>.</summary>
    public WashTradeWindow(TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.Zero);
        _window = window;
    }

    /// <summary>The window.</summary>
    public TimeSpan Window => _window;

    /// <summary>The entries that can still be matched, for the state hash.</summary>
    public IEnumerable<KeyValuePair<WashKey, (DateTimeOffset Time, TradeId Trade)>> Entries =>
        _latest.Where(entry => IsWithinHorizon(entry.Value.Time));

    /// <summary>The keys held in memory, reclaimable or not.</summary>
    internal int HeldCount => _latest.Count;

    /// <summary>Finds a booking that <paramref name="key"/> at <paramref name="time"/> would mirror.</summary>
    public bool TryFindMirror(in WashKey key, DateTimeOffset time, out TradeId mirror)
    {
        if (_latest.TryGetValue(key.Mirror, out var entry) && IsWithinHorizon(entry.Time)
            && (time - entry.Time).Duration() <= _window)
        {
            mirror = entry.Trade;
            return true;
        }

        mirror = default;
        return false;
    }

    /// <summary>Records a direct booking.</summary>
    public void Record(in WashKey key, DateTimeOffset time, TradeId trade)
    {
        // The queue needs one entry per key and execution time: a repeat of the key at its latest time is
        // reclaimed with the entry already queued (pruning compares times only). Bursts booked in the same
        // millisecond (and the benchmark's captures, which share one time) would otherwise grow the queue by
        // one 64-byte entry per booking for the whole window. Which entry reclaims a key changes only when its
        // memory goes, never an answer: a key is removed only at a time already behind the horizon.
        ref var latest = ref CollectionsMarshal.GetValueRefOrAddDefault(_latest, key, out var existed);
        var queued = existed && latest.Time == time;
        latest = (time, trade);
        if (!queued)
        {
            _order.Enqueue((key, time));
        }
        if (time > _horizon)
        {
            _horizon = time;
        }

        // Reclaim in booking order; an entry overwritten by a later booking of the same key stays.
        while (_order.TryPeek(out var oldest) && _horizon - oldest.Time > _window)
        {
            _order.Dequeue();
            if (_latest.TryGetValue(oldest.Key, out var current) && current.Time == oldest.Time)
            {
                _latest.Remove(oldest.Key);
            }
        }
    }

    private bool IsWithinHorizon(DateTimeOffset time) => _horizon - time <= _window;
}
