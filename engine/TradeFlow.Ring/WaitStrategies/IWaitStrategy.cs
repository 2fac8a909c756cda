namespace TradeFlow.Ring.WaitStrategies;

/// <summary>
/// How a consumer waits for a sequence to become available: spin, yield, sleep or block. One
/// instance serves a whole ring (its sequencer and every barrier).
/// </summary>
public interface IWaitStrategy
{
    /// <summary>
    /// True if waiters may block on a signal; publishers and processors then call
    /// <see cref="SignalAllWhenBlocking"/> after every advance. False lets them skip the call.
    /// </summary>
    bool IsBlockingStrategy { get; }

    /// <summary>
    /// Waits until <paramref name="dependents"/> reaches <paramref name="sequence"/> and returns
    /// its value (which may be higher). Calls <see cref="SequenceBarrier.CheckAlert"/> while waiting,
    /// so an alert ends the wait with an <see cref="AlertException"/>.
    /// </summary>
    long WaitFor(long sequence, DependentSequenceGroup dependents, SequenceBarrier barrier);

    /// <summary>Wakes every thread blocked in <see cref="WaitFor"/>, so it re-reads the sequences.</summary>
    void SignalAllWhenBlocking();
}
