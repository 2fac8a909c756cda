using System.Runtime.InteropServices;
using TradeFlow.Domain.Values;

namespace TradeFlow.Engine.Decisions;

/// <summary>
/// Recent direct bookings by <see cref="WashKey"/>, for wash-trade detection: a booking is a wash when its
/// mirror (same trader, instrument, price and quantity, opposite side) was booked within the window,
/// measured on the bookings' execution (effective) times — which are journaled, so recovery rebuilds the
/// same window. Entries older than the window behind the latest execution time are pruned in booking order.
/// </summary>
internal sealed class WashTradeWindow
{
    private readonly Dictionary<WashKey, (DateTimeOffset Time, TradeId Trade)> _latest = [];
    private readonly Queue<(WashKey Key, DateTimeOffset Time)> _order = new();
    private readonly TimeSpan _window;
    private DateTimeOffset _horizon = DateTimeOffset.MinValue;

    // The queue's last entry (while it is not empty).
    private (WashKey Key, DateTimeOffset Time) _lastQueued;

    /// <summary>Creates a window of <paramref name="window"/>.</summary>
    public WashTradeWindow(TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.Zero);
        _window = window;
    }

    /// <summary>The window.</summary>
    public TimeSpan Window => _window;

    /// <summary>The entries, for the state hash.</summary>
    public IEnumerable<KeyValuePair<WashKey, (DateTimeOffset Time, TradeId Trade)>> Entries => _latest;

    /// <summary>Finds a booking that <paramref name="key"/> at <paramref name="time"/> would mirror.</summary>
    public bool TryFindMirror(in WashKey key, DateTimeOffset time, out TradeId mirror)
    {
        if (_latest.TryGetValue(key.Mirror, out var entry) && (time - entry.Time).Duration() <= _window)
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
        // A repeat of the key and time just queued (the queue's last entry) needs no entry of its own: it would be
        // pruned right after that one, which already removes the key. Bursts of one key booked in the same
        // millisecond would otherwise grow the queue by one 64-byte entry per booking for the whole window. Any
        // other repeat is queued: where it sits decides when it prunes the key, which a booking of the key at that
        // time again, after the first entry pruned it, can observe (a property test compares every answer and entry
        // with the queue-every-booking original).
        ref var latest = ref CollectionsMarshal.GetValueRefOrAddDefault(_latest, key, out var existed);
        var queued = existed && latest.Time == time && _order.Count > 0 && _lastQueued == (key, time);
        latest = (time, trade);
        if (!queued)
        {
            _order.Enqueue((key, time));
            _lastQueued = (key, time);
        }
        if (time > _horizon)
        {
            _horizon = time;
        }

        // Prune by booking order; an entry overwritten by a later booking of the same key stays.
        while (_order.TryPeek(out var oldest) && _horizon - oldest.Time > _window)
        {
            _order.Dequeue();
            if (_latest.TryGetValue(oldest.Key, out var current) && current.Time == oldest.Time)
            {
                _latest.Remove(oldest.Key);
            }
        }
    }
}
