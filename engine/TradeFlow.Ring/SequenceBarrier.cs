using System.Runtime.CompilerServices;
using TradeFlow.Ring.WaitStrategies;

namespace TradeFlow.Ring;

/// <summary>
/// The gate in front of a consumer: it waits, with the ring's wait strategy, until the cursor and
/// every upstream stage the consumer depends on have passed a sequence, and reports the highest
/// sequence that is safe to read. It also carries the alert with which a consumer is told to halt.
/// Create one with <see cref="RingBuffer.NewBarrier"/>.
/// </summary>
public sealed class SequenceBarrier
{
    private readonly Sequencer _sequencer;
    private readonly IWaitStrategy _waitStrategy;
    private readonly DependentSequenceGroup _dependents;
    private int _alerted;

    internal SequenceBarrier(Sequencer sequencer, IWaitStrategy waitStrategy, Sequence cursor, Sequence[] dependents)
    {
        _sequencer = sequencer;
        _waitStrategy = waitStrategy;
        _dependents = new DependentSequenceGroup(cursor, dependents);
    }

    /// <summary>The sequences this barrier waits on.</summary>
    public DependentSequenceGroup Dependents => _dependents;

    /// <summary>The wait strategy of the ring this barrier belongs to.</summary>
    public IWaitStrategy WaitStrategy => _waitStrategy;

    /// <summary>The highest sequence the dependents have reached (not checked for multi-producer availability).</summary>
    public long Cursor => _dependents.Value;

    /// <summary>True after <see cref="Alert"/> until <see cref="ClearAlert"/>.</summary>
    public bool IsAlerted => Volatile.Read(ref _alerted) != 0;

    /// <summary>
    /// Waits until <paramref name="sequence"/> is published and processed by every upstream stage, and
    /// returns the highest sequence (≥ <paramref name="sequence"/>) that may be read: the batch.
    /// </summary>
    /// <exception cref="AlertException">The barrier was alerted (the processor is halting).</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long WaitFor(long sequence)
    {
        CheckAlert();
        var available = _dependents.Value;
        if (available < sequence)
        {
            available = _waitStrategy.WaitFor(sequence, _dependents, this);
        }

        var highest = _sequencer.GetHighestPublishedSequence(sequence, available);
        return highest >= sequence ? highest : WaitForPublication(sequence);
    }

    /// <summary>Raises the alert and wakes blocked waiters, so that a waiting processor sees it.</summary>
    public void Alert()
    {
        Volatile.Write(ref _alerted, 1);
        _waitStrategy.SignalAllWhenBlocking();
    }

    /// <summary>Clears the alert (a processor does this when it starts).</summary>
    public void ClearAlert() => Volatile.Write(ref _alerted, 0);

    /// <summary>Throws <see cref="AlertException.Instance"/> if the barrier is alerted.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void CheckAlert()
    {
        if (Volatile.Read(ref _alerted) != 0)
        {
            ThrowAlert();
        }
    }

    // On a multi-producer ring the cursor counts claims: the next slot may be claimed but not yet
    // published. That window is a few instructions long, but the publishing thread can be preempted
    // inside it, so rather than spin hot (which on 2 cores starves that very thread) we yield.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private long WaitForPublication(long sequence)
    {
        var spinner = default(SpinWait);
        while (true)
        {
            CheckAlert();
            spinner.SpinOnce(sleep1Threshold: -1);
            var available = _dependents.Value;
            if (available < sequence)
            {
                available = _waitStrategy.WaitFor(sequence, _dependents, this);
            }

            var highest = _sequencer.GetHighestPublishedSequence(sequence, available);
            if (highest >= sequence)
            {
                return highest;
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowAlert() => throw AlertException.Instance;
}
