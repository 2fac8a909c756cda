namespace TradeFlow.Ring.WaitStrategies;

/// <summary>
/// Spins a hundred times, then calls <see cref="Thread.Yield"/> between checks: low latency, and
/// it hands the core to a runnable thread (often the very producer or upstream stage it waits for)
/// but it never sleeps, so an idle consumer still shows as a busy core.
/// </summary>
public sealed class YieldingWaitStrategy : IWaitStrategy
{
    private const int SpinTries = 100;

    /// <inheritdoc/>
    public bool IsBlockingStrategy => false;

    /// <inheritdoc/>
    public long WaitFor(long sequence, DependentSequenceGroup dependents, SequenceBarrier barrier)
    {
        ArgumentNullException.ThrowIfNull(dependents);
        ArgumentNullException.ThrowIfNull(barrier);
        var counter = SpinTries;
        long available;
        while ((available = dependents.Value) < sequence)
        {
            barrier.CheckAlert();
            if (counter == 0)
            {
                Thread.Yield();
            }
            else
            {
                counter--;
                Thread.SpinWait(1);
            }
        }

        return available;
    }

    /// <inheritdoc/>
    public void SignalAllWhenBlocking()
    {
    }
}
