namespace TradeFlow.Ring.WaitStrategies;

/// <summary>
/// Spins, then yields, then sleeps between checks: an idle consumer costs almost nothing and the
/// publisher never signals, at the price of up to a sleep's latency when events arrive after a
/// pause. Suits background consumers (logging, metrics).
/// </summary>
public sealed class SleepingWaitStrategy : IWaitStrategy
{
    private const int DefaultRetries = 200;
    private const int SpinPhaseEnd = 100;
    private readonly int _retries;
    private readonly int _sleepMilliseconds;

    /// <summary>Creates the strategy: <paramref name="retries"/> checks (half spinning, half yielding) before each sleep of <paramref name="sleepMilliseconds"/>.</summary>
    public SleepingWaitStrategy(int retries = DefaultRetries, int sleepMilliseconds = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(retries);
        ArgumentOutOfRangeException.ThrowIfNegative(sleepMilliseconds);
        _retries = retries;
        _sleepMilliseconds = sleepMilliseconds;
    }

    /// <inheritdoc/>
    public bool IsBlockingStrategy => false;

    /// <inheritdoc/>
    public long WaitFor(long sequence, DependentSequenceGroup dependents, SequenceBarrier barrier)
    {
        ArgumentNullException.ThrowIfNull(dependents);
        ArgumentNullException.ThrowIfNull(barrier);
        var counter = _retries;
        long available;
        while ((available = dependents.Value) < sequence)
        {
            barrier.CheckAlert();
            if (counter > SpinPhaseEnd)
            {
                counter--;
                Thread.SpinWait(1);
            }
            else if (counter > 0)
            {
                counter--;
                Thread.Yield();
            }
            else
            {
                Thread.Sleep(_sleepMilliseconds);
            }
        }

        return available;
    }

    /// <inheritdoc/>
    public void SignalAllWhenBlocking()
    {
    }
}
