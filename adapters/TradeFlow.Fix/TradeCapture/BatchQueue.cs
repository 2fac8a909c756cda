namespace TradeFlow.Fix.TradeCapture;

/// <summary>
/// A many-producer, one-consumer queue that the consumer drains whole: <see cref="TakeAll"/> swaps the producers'
/// list for its own (empty) one under a lock. The consumer is a dedicated thread blocked on a monitor and woken
/// directly by the producer that finds it asleep: one thread hop, where a channel's async wait goes through the
/// thread pool first (measured: ~1 ms p50 between the engine's outcome and the reply thread on a busy 2-core box).
/// </summary>
/// <typeparam name="T">The items.</typeparam>
internal sealed class BatchQueue<T>
{
    private readonly object _gate = new();
    private List<T> _items = new(256);
    private bool _waiting;
    private bool _completed;

    /// <summary>Adds <paramref name="item"/>; false once <see cref="Complete"/> was called.</summary>
    public bool TryAdd(T item)
    {
        lock (_gate)
        {
            if (_completed)
            {
                return false;
            }

            _items.Add(item);
            if (_waiting)
            {
                _waiting = false;
                Monitor.Pulse(_gate);
            }

            return true;
        }
    }

    /// <summary>No more items: the consumer drains what is left, then <see cref="TakeAll"/> returns false.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>
    /// Waits for at least one item, then swaps every waiting item into <paramref name="batch"/> (which must be empty
    /// and is kept by the queue for the producers); false when completed and drained.
    /// </summary>
    public bool TakeAll(ref List<T> batch)
    {
        lock (_gate)
        {
            while (_items.Count == 0)
            {
                if (_completed)
                {
                    return false;
                }

                _waiting = true;
                Monitor.Wait(_gate);
            }

            (_items, batch) = (batch, _items);
            return true;
        }
    }
}
