using System.Runtime.CompilerServices;
using TradeFlow.Ring;
using TradeFlow.Ring.WaitStrategies;

namespace TradeFlow.Benchmarks.Engine;

/// <summary>
/// The engine's previous default, kept to compare against in one run (<c>TRADEFLOW_WAIT=pulseall:N</c>): spin briefly (with <see cref="SpinWait"/>, which yields after a few rounds), then
/// block on a monitor until signalled. A busy pipeline stays in the spin phase and never pays for
/// a wake-up; an idle one costs no CPU, which matters on a 2-core machine running several stages.
/// Signalling is cheap when nobody sleeps: a fence and a read of the sleeper count.
/// </summary>
public sealed class PulseAllHybridWaitStrategy : IWaitStrategy
{
    /// <summary>The default number of <see cref="SpinWait.SpinOnce(int)"/> rounds before blocking.</summary>
    public const int DefaultSpinIterations = 64;

    private readonly object _gate = new();
    private readonly int _spinIterations;
    private int _sleepers;

    /// <summary>Creates the strategy, spinning <paramref name="spinIterations"/> rounds before it blocks.</summary>
    public PulseAllHybridWaitStrategy(int spinIterations = DefaultSpinIterations)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(spinIterations);
        _spinIterations = spinIterations;
    }

    /// <inheritdoc/>
    public bool IsBlockingStrategy => true;

    /// <inheritdoc/>
    public long WaitFor(long sequence, DependentSequenceGroup dependents, SequenceBarrier barrier)
    {
        ArgumentNullException.ThrowIfNull(dependents);
        ArgumentNullException.ThrowIfNull(barrier);
        var spinner = default(SpinWait);
        for (var i = 0; i < _spinIterations; i++)
        {
            var available = dependents.Value;
            if (available >= sequence)
            {
                return available;
            }

            barrier.CheckAlert();
            spinner.SpinOnce(sleep1Threshold: -1);
        }

        return Block(sequence, dependents, barrier);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SignalAllWhenBlocking()
    {
        // Dekker's pattern with the sleeper: we stored a sequence, then read the count; it bumps the
        // count (a full fence), then reads the sequence. The fence here stops our read of the count
        // from passing our earlier store, so either it sees our store or we see it and pulse.
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _sleepers) != 0)
        {
            Wake();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private long Block(long sequence, DependentSequenceGroup dependents, SequenceBarrier barrier)
    {
        long available;
        lock (_gate)
        {
            // Announce ourselves before every check, not once: a waker zeroes the count when it
            // pulses, so the count is "sleepers since the last wake", and only the first publisher
            // after we fell asleep pays for the lock. A stale count only costs one needless pulse.
            while (true)
            {
                Interlocked.Increment(ref _sleepers);
                if ((available = dependents.Value) >= sequence)
                {
                    return available;
                }

                barrier.CheckAlert();
                Monitor.Wait(_gate);
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Wake()
    {
        lock (_gate)
        {
            // Every sleeper is either inside Monitor.Wait (we hold the lock) and will be woken, or
            // will increment again under the lock before its next check.
            if (_sleepers != 0)
            {
                Volatile.Write(ref _sleepers, 0);
                Monitor.PulseAll(_gate);
            }
        }
    }
}
