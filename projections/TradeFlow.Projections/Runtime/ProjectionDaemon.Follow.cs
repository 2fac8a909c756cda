using TradeFlow.EventSourcing;

namespace TradeFlow.Projections.Runtime;

/// <summary>The subscription loop and saving.</summary>
public sealed partial class ProjectionDaemon
{
    private async Task FollowAsync(GlobalPosition from, CancellationToken cancellationToken)
    {
        // One token for the subscription and the save timer, so that any way out of the loop (stop, a conflict,
        // a failed save) can end a read that is still in flight before the enumerator is disposed.
        using var follow = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var enumerator = _events.SubscribeToAllAsync(from.Next, follow.Token).GetAsyncEnumerator(follow.Token);
        Task<bool>? pending = null;
        try
        {
            _tick = Tick(follow.Token);
            while (true)
            {
                var move = enumerator.MoveNextAsync();
                bool hasNext;
                if (move.IsCompleted)
                {
                    hasNext = await move.ConfigureAwait(false);
                }
                else
                {
                    pending = move.AsTask();
                    hasNext = await WaitSavingWhileIdleAsync(pending, follow.Token).ConfigureAwait(false);
                    pending = null;
                }

                if (!hasNext)
                {
                    // The store ended the subscription (it was disposed): keep what was folded.
                    await SaveIfFoldedAsync().ConfigureAwait(false);
                    return;
                }

                Fold(enumerator.Current);
                if (_sinceSave >= _options.SaveEvery || _tick.IsCompleted)
                {
                    await SaveAllAsync().ConfigureAwait(false);
                    _tick = Tick(follow.Token);
                }
            }
        }
        finally
        {
            await follow.CancelAsync().ConfigureAwait(false);
            await EndAsync(enumerator, pending).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Waits for the next envelope; each time the save interval passes first, saves what was folded since the
    /// last save, so the tail of a burst followed by silence is not left unsaved.
    /// </summary>
    private async Task<bool> WaitSavingWhileIdleAsync(Task<bool> next, CancellationToken followToken)
    {
        // When the daemon is stopped the subscription sees the same token and ends the wait itself.
        while (await Task.WhenAny(next, _tick).ConfigureAwait(false) != next && !followToken.IsCancellationRequested)
        {
            await SaveIfFoldedAsync().ConfigureAwait(false);
            _tick = Tick(followToken);
        }

        return await next.ConfigureAwait(false);
    }

    /// <summary>An async iterator may not be disposed while a MoveNextAsync is in flight: let the cancelled read finish first.</summary>
    private static async Task EndAsync(IAsyncEnumerator<RecordedEvent> enumerator, Task<bool>? pending)
    {
        if (pending is not null)
        {
            try
            {
                await pending.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Expected: the read was cancelled by the finally above; the original outcome is what propagates.
            }
        }

        await enumerator.DisposeAsync().ConfigureAwait(false);
    }

    private Task Tick(CancellationToken timerToken) => Task.Delay(_options.SaveInterval, _time, timerToken);

    private void Fold(RecordedEvent recorded)
    {
        // Deserialise once for every runner; each runner skips what it already folded (they may resume at
        // different checkpoints, e.g. one rebuilding after a version bump while the others resume).
        if (ProjectionEvents.TryRead(recorded, out var e))
        {
            foreach (var runner in _runners)
            {
                runner.Apply(e);
            }
        }
        else
        {
            foreach (var runner in _runners)
            {
                runner.Apply(recorded);
            }
        }

        Interlocked.Increment(ref _eventsRead);
        _sinceSave++;
        _checkpoint.Publish(recorded.Position);
    }

    private ValueTask SaveIfFoldedAsync() => _sinceSave > 0 ? SaveAllAsync() : ValueTask.CompletedTask;

    private async ValueTask SaveAllAsync()
    {
        // A save, once begun, runs to the end even when the daemon is being stopped: cancelling it half-way
        // could leave the runner unsure whether its token was committed, and the stop-time save would conflict.
        foreach (var runner in _runners)
        {
            await runner.SaveAsync(CancellationToken.None).ConfigureAwait(false);
        }

        _sinceSave = 0;
        Interlocked.Increment(ref _saves);
    }
}
