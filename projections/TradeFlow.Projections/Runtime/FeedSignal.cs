using System.Threading.Tasks.Sources;

namespace TradeFlow.Projections.Runtime;

/// <summary>
/// One waiter's wake-up, reused for every wait: the consumer arms it and awaits the <see cref="ValueTask"/> it returns;
/// any thread completes the armed wait once (<see cref="TrySet"/>). Replaces a <see cref="TaskCompletionSource"/> and a
/// <see cref="Task.WhenAny(Task, Task)"/> per sleep (their objects were garbage on every wake-up of a live daemon): the
/// source is allocated once, and an async method awaiting it queues its own state machine to the thread pool, which
/// allocates nothing either.
/// </summary>
/// <remarks>
/// One consumer: a wait must be awaited until it completes before the next <see cref="Arm"/> (arming over a wait still
/// armed would race a producer's <see cref="TrySet"/> with the reset). The armed
/// flag is the only state the threads race on: whoever exchanges it from 1 to 0 completes the wait, so a wait is
/// completed at most once and never after the consumer has reset the source for the next one.
/// </remarks>
internal sealed class FeedSignal : IValueTaskSource
{
    // Continuations run on the thread pool: the producer (the engine's publish thread) never runs the consumer's fold.
    private ManualResetValueTaskSourceCore<bool> _core = new() { RunContinuationsAsynchronously = true };
    private int _armed;

    /// <summary>Whether a wait is armed and not yet completed.</summary>
    public bool IsArmed => Volatile.Read(ref _armed) == 1;

    /// <summary>
    /// Consumer side: starts a new wait and returns it. The caller then re-checks its condition (after a full fence,
    /// see <see cref="LiveProjectionFeed.WaitForMoreThanAsync"/>) and calls <see cref="TrySet"/> itself if it already holds.
    /// </summary>
    public ValueTask Arm()
    {
        // The previous wait was completed (armed is 0), so no thread can set the core while it is reset.
        _core.Reset();
        Volatile.Write(ref _armed, 1);
        return new ValueTask(this, _core.Version);
    }

    /// <summary>Any thread: completes the armed wait; false when none is armed (nobody waits, or it was completed already).</summary>
    public bool TrySet()
    {
        if (Interlocked.Exchange(ref _armed, 0) != 1)
        {
            return false;
        }

        _core.SetResult(true);
        return true;
    }

    /// <inheritdoc/>
    void IValueTaskSource.GetResult(short token) => _core.GetResult(token);

    /// <inheritdoc/>
    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _core.GetStatus(token);

    /// <inheritdoc/>
    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);
}
