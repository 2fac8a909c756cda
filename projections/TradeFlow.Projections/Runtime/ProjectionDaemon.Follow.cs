using TradeFlow.EventSourcing;

namespace TradeFlow.Projections.Runtime;

/// <summary>The subscription loop and saving.</summary>
public sealed partial class ProjectionDaemon
{
    private async Task FollowAsync(GlobalPosition from, CancellationToken cancellationToken)
    {
        using var timers = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var enumerator = _events.SubscribeToAllAsync(from.Next, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (enumerator.ConfigureAwait(false))
        {
            _tick = Tick(timers.Token);
            try
            {
                while (true)
                {
                    var move = enumerator.MoveNextAsync();
                    var hasNext = move.IsCompleted
                        ? await move.ConfigureAwait(false)
                        : await WaitSavingWhileIdleAsync(move.AsTask(), timers.Token, cancellationToken).ConfigureAwait(false);
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
                        _tick = Tick(timers.Token);
                    }
                }
            }
            finally
            {
                await timers.CancelAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Waits for the next envelope; each time the save interval passes first, saves what was folded since the
    /// last save, so the tail of a burst followed by silence is not left unsaved.
    /// </summary>
    private async Task<bool> WaitSavingWhileIdleAsync(Task<bool> next, CancellationToken timerToken, CancellationToken cancellationToken)
    {
        while (await Task.WhenAny(next, _tick).ConfigureAwait(false) != next)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await SaveIfFoldedAsync().ConfigureAwait(false);
            _tick = Tick(timerToken);
        }

        return await next.ConfigureAwait(false);
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
