using TradeFlow.EventSourcing;

namespace TradeFlow.Projections.Runtime;

/// <summary>
/// Tasks that complete when a published checkpoint reaches a position: how callers (tests, a readiness probe)
/// wait for a daemon to catch up without polling or sleeping.
/// </summary>
internal sealed class CheckpointWaiters
{
    private readonly Lock _gate = new();
    private readonly List<(GlobalPosition Position, TaskCompletionSource Done)> _waiting = [];
    private long _checkpoint;
    private int _count;
    private Exception? _stopped;

    /// <summary>The last published checkpoint.</summary>
    public GlobalPosition Checkpoint => GlobalPosition.FromInt64(Volatile.Read(ref _checkpoint));

    /// <summary>Completes when the checkpoint is at or after <paramref name="position"/>; faults if the owner stops first.</summary>
    public Task WaitAsync(GlobalPosition position, CancellationToken cancellationToken)
    {
        TaskCompletionSource done;
        lock (_gate)
        {
            if (Checkpoint >= position)
            {
                return Task.CompletedTask;
            }

            if (_stopped is not null)
            {
                return Task.FromException(_stopped);
            }

            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add((position, done));
            Interlocked.Exchange(ref _count, _waiting.Count);
        }

        // A publisher may have moved the checkpoint past position after the check above but read the count before
        // it was raised; both sides fence between their write and their read, so one of them sees the other.
        if (Checkpoint >= position)
        {
            Release(Checkpoint);
        }

        return done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Publishes a new checkpoint and releases the waiters it satisfies.</summary>
    public void Publish(GlobalPosition checkpoint)
    {
        Interlocked.Exchange(ref _checkpoint, checkpoint.Value);
        // The common case (nobody waiting) must not take the lock on every event.
        if (Volatile.Read(ref _count) != 0)
        {
            Release(checkpoint);
        }
    }

    private void Release(GlobalPosition checkpoint)
    {
        lock (_gate)
        {
            for (var i = _waiting.Count - 1; i >= 0; i--)
            {
                if (_waiting[i].Position <= checkpoint)
                {
                    _waiting[i].Done.TrySetResult();
                    _waiting.RemoveAt(i);
                }
            }

            Interlocked.Exchange(ref _count, _waiting.Count);
        }
    }

    /// <summary>Fails every waiter that can no longer be satisfied, and every later one.</summary>
    public void Stop(Exception reason)
    {
        lock (_gate)
        {
            _stopped = reason;
            foreach (var (_, done) in _waiting)
            {
                done.TrySetException(reason);
            }

            _waiting.Clear();
            Volatile.Write(ref _count, 0);
        }
    }
}
