using System.Runtime.CompilerServices;

namespace TradeFlow.Ring.WaitStrategies;

/// <summary>
/// The default: spin briefly (with <see cref="SpinWait"/>, which yields after a few rounds), then
/// block until an upstream publish satisfies this waiter. A busy pipeline stays in the spin phase and
/// never pays for a wake-up; an idle one costs no CPU, which matters on a 2-core machine running several
/// stages. Wake-ups are targeted: a publish wakes only the sleepers whose awaited sequence is now
/// available (or whose barrier is alerted), not every sleeping stage — with five stages sharing one
/// strategy, waking all of them on every publish made each idle command pay for a dozen needless
/// context switches. Signalling is cheap when nobody sleeps: a fence and a read of the sleeper count.
/// </summary>
public sealed class HybridWaitStrategy : IWaitStrategy
{
    /// <summary>The default number of <see cref="SpinWait.SpinOnce(int)"/> rounds before blocking.</summary>
    /// <remarks>
    /// 16: ten busy rounds and six yields. It was 64, whose 54 yields made each idle stage pay ~50 context
    /// switches per command before it slept: at 1,000 commands/s the engine used ~0.55 CPU instead of
    /// ~0.28, with the same latency, and saturated throughput did not differ (docs/benchmarks.md).
    /// </remarks>
    public const int DefaultSpinIterations = 16;

    // One waiter per thread, reused for every block (a thread blocks on one strategy at a time), so
    // blocking allocates nothing after a thread's first block.
    [ThreadStatic]
    private static HybridWaiter? t_waiter;

    private readonly List<HybridWaiter> _registered = new(8);
    private readonly int _spinIterations;
    private int _sleepers;

    /// <summary>Creates the strategy, spinning <paramref name="spinIterations"/> rounds before it blocks.</summary>
    public HybridWaitStrategy(int spinIterations = DefaultSpinIterations)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(spinIterations);
        _spinIterations = spinIterations;
    }

    /// <inheritdoc/>
    public bool IsBlockingStrategy => true;

    /// <summary>Threads blocked in this strategy right now (diagnostics; tests use it to know a waiter sleeps before releasing it).</summary>
    public int Sleepers => Volatile.Read(ref _sleepers);

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
        // from passing our earlier store, so either it sees our store or we see it and wake it.
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _sleepers) != 0)
        {
            Wake();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private long Block(long sequence, DependentSequenceGroup dependents, SequenceBarrier barrier)
    {
        var waiter = t_waiter ??= new HybridWaiter();
        waiter.Arm(sequence, dependents, barrier);
        lock (_registered)
        {
            // Registered before the count is visible: a waker that sees the count takes this same
            // lock and so finds us in the list.
            _registered.Add(waiter);
            Interlocked.Increment(ref _sleepers);
        }

        try
        {
            while (true)
            {
                // Cleared before the check: a signal after this stays set and ends the wait at once;
                // a signal before it was for a sequence we are about to see anyway (they only grow).
                waiter.Reset();
                Interlocked.MemoryBarrier();
                long available;
                if ((available = dependents.Value) >= sequence)
                {
                    return available;
                }

                barrier.CheckAlert();
                waiter.Wait();
            }
        }
        finally
        {
            lock (_registered)
            {
                _registered.Remove(waiter);
                Interlocked.Decrement(ref _sleepers);
            }

            waiter.Disarm();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Wake()
    {
        lock (_registered)
        {
            // Only the sleepers this publish (or an alert) can release; the others keep sleeping and
            // stay counted, so the publish they wait for will find them.
            foreach (var waiter in _registered)
            {
                if (waiter.IsReleasable)
                {
                    waiter.Signal();
                }
            }
        }
    }
}
