namespace TradeFlow.Ring.WaitStrategies;

/// <summary>
/// One blocked thread of a <see cref="HybridWaitStrategy"/>: what it waits for (so that a waker can tell
/// whether this publish releases it) and a private monitor to sleep on (so that waking it wakes no one else).
/// </summary>
internal sealed class HybridWaiter
{
    private readonly object _monitor = new();
    private long _sequence;
    private DependentSequenceGroup? _dependents;
    private SequenceBarrier? _barrier;
    private int _signalled;

    /// <summary>
    /// True when the awaited sequence is available or the barrier is alerted, and the owner has not been
    /// signalled since it last checked (read under the strategy's lock; a woken owner that has not yet
    /// unregistered is not signalled again by every later publish).
    /// </summary>
    public bool IsReleasable =>
        Volatile.Read(ref _signalled) == 0 && _dependents is { } dependents
        && (dependents.Value >= _sequence || _barrier!.IsAlerted);

    /// <summary>Records what the owning thread is about to wait for; called before it registers.</summary>
    public void Arm(long sequence, DependentSequenceGroup dependents, SequenceBarrier barrier)
    {
        _sequence = sequence;
        _dependents = dependents;
        _barrier = barrier;
    }

    /// <summary>Forgets the references once the owning thread has unregistered.</summary>
    public void Disarm()
    {
        _dependents = null;
        _barrier = null;
    }

    /// <summary>Clears the signal before the owner re-checks its condition.</summary>
    public void Reset() => Volatile.Write(ref _signalled, 0);

    /// <summary>Blocks the owner until <see cref="Signal"/> (returns at once if it already came).</summary>
    public void Wait()
    {
        lock (_monitor)
        {
            while (_signalled == 0)
            {
                Monitor.Wait(_monitor);
            }
        }
    }

    /// <summary>Wakes the owner.</summary>
    public void Signal()
    {
        lock (_monitor)
        {
            _signalled = 1;
            Monitor.Pulse(_monitor);
        }
    }
}
