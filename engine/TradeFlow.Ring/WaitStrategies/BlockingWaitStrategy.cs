namespace TradeFlow.Ring.WaitStrategies;

/// <summary>
/// Blocks on a monitor until signalled: no CPU while idle, at the cost of a lock acquire and a
/// pulse on every publish and every stage's progress, and a thread wake-up (microseconds) per
/// wait. <see cref="HybridWaitStrategy"/> is the same idea with a spin first and signalling only
/// when someone actually sleeps.
/// </summary>
public sealed class BlockingWaitStrategy : IWaitStrategy
{
    private readonly object _gate = new();

    /// <inheritdoc/>
    public bool IsBlockingStrategy => true;

    /// <inheritdoc/>
    public long WaitFor(long sequence, DependentSequenceGroup dependents, SequenceBarrier barrier)
    {
        ArgumentNullException.ThrowIfNull(dependents);
        ArgumentNullException.ThrowIfNull(barrier);
        long available;
        if ((available = dependents.Value) >= sequence)
        {
            return available;
        }

        // The check and Monitor.Wait happen under the lock that every signaller takes after its
        // store, so a signal cannot fall between our check and our wait (no lost wake-up).
        lock (_gate)
        {
            while ((available = dependents.Value) < sequence)
            {
                barrier.CheckAlert();
                Monitor.Wait(_gate);
            }
        }

        return available;
    }

    /// <inheritdoc/>
    public void SignalAllWhenBlocking()
    {
        lock (_gate)
        {
            Monitor.PulseAll(_gate);
        }
    }
}
