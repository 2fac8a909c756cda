namespace TradeFlow.Ring.WaitStrategies;

/// <summary>
/// Spins on the sequence without ever giving up the core: the lowest latency, and the whole core.
/// Only for a consumer that owns a dedicated core; on a shared 2-core machine it starves others.
/// </summary>
public sealed class BusySpinWaitStrategy : IWaitStrategy
{
    /// <inheritdoc/>
    public bool IsBlockingStrategy => false;

    /// <inheritdoc/>
    public long WaitFor(long sequence, DependentSequenceGroup dependents, SequenceBarrier barrier)
    {
        ArgumentNullException.ThrowIfNull(dependents);
        ArgumentNullException.ThrowIfNull(barrier);
        long available;
        while ((available = dependents.Value) < sequence)
        {
            barrier.CheckAlert();
            Thread.SpinWait(1);
        }

        return available;
    }

    /// <inheritdoc/>
    public void SignalAllWhenBlocking()
    {
    }
}
