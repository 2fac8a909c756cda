using TradeFlow.EventSourcing;

namespace TradeFlow.Projections.Runtime;

/// <summary>The live loop: fold what the publish stage handed over, read the store only for what the feed lacks.</summary>
public sealed partial class ProjectionDaemon
{
    private long _eventsFromFeed;
    private long _storeCatchUps;
    private ProjectionEvent _held;
    private bool _holding;

    /// <summary>How many events this daemon folded from its <see cref="LiveProjectionFeed"/> (not read back from the store).</summary>
    public long EventsFromFeed => Interlocked.Read(ref _eventsFromFeed);

    /// <summary>
    /// How many times a live daemon read the store: once at start, then each time the feed dropped events (it was
    /// full) or skipped a position (an event the engine did not publish, e.g. one another writer appended).
    /// </summary>
    public long StoreCatchUps => Interlocked.Read(ref _storeCatchUps);

    private async Task FollowLiveAsync(LiveProjectionFeed live, CancellationToken cancellationToken)
    {
        // One token for the loop and the save timer, so that any way out (stop, a conflict, a failed save) ends the timer.
        using var follow = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = follow.Token;
        try
        {
            _tick = LiveTick(live, token);
            // Everything durable before the feed's first event is in the store only: fold it from there, then the feed.
            await CatchUpFromStoreAsync(token).ConfigureAwait(false);
            _following.TrySetResult();
            while (true)
            {
                token.ThrowIfCancellationRequested();
                // Read before draining: an event offered while the feed is drained is then waited for, not mistaken
                // for a drop (which would read it from the store needlessly).
                var offered = live.LastOffered;
                var contiguous = DrainFeed(live);
                if (!contiguous || Checkpoint < offered)
                {
                    // A gap or a drop: every offered event is durable, so the store holds what the feed lacks.
                    await CatchUpFromStoreAsync(token).ConfigureAwait(false);
                    await BackOffIfStillBehindAsync(offered, token).ConfigureAwait(false);
                }
                else
                {
                    // Awaited here, not in a helper: a helper's async state machine was an object per sleep.
                    await WaitForFeed(live).ConfigureAwait(false);
                    token.ThrowIfCancellationRequested();
                }

                await SaveIfDueAsync(live, token).ConfigureAwait(false);
            }
        }
        finally
        {
            await follow.CancelAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Folds the feed's events while each is the next position; false when one is further ahead (it is held until the
    /// store has filled the gap before it). Events at or before the checkpoint were folded from the store: skipped.
    /// </summary>
    private bool DrainFeed(LiveProjectionFeed live)
    {
        while (_holding || live.TryTake(out _held))
        {
            _holding = false;
            var next = Checkpoint.Next;
            if (_held.Position > next)
            {
                _holding = true;
                return false;
            }

            if (_held.Position == next)
            {
                FoldLive(_held);
            }
        }

        _held = default;
        return true;
    }

    private void FoldLive(in ProjectionEvent e)
    {
        foreach (var runner in _runners)
        {
            runner.Apply(e);
        }

        Interlocked.Increment(ref _eventsFromFeed);
        _sinceSave++;
        _checkpoint.Publish(e.Position);
    }

    private async Task CatchUpFromStoreAsync(CancellationToken token)
    {
        Interlocked.Increment(ref _storeCatchUps);
        await foreach (var recorded in _events.ReadAllAsync(Checkpoint.Next, Direction.Forwards, long.MaxValue, token).ConfigureAwait(false))
        {
            Fold(recorded);
            if (_sinceSave >= _options.SaveEvery)
            {
                await SaveAllAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// The embedded journal shows an event to readers before the publish stage offers it, so one read fills any gap.
    /// A store whose readers may lag its commits (PostgreSQL's hold-back of an uncommitted sequence value) can leave
    /// the checkpoint short: then wait a moment rather than spin on empty reads.
    /// </summary>
    private async Task BackOffIfStillBehindAsync(GlobalPosition offered, CancellationToken token)
    {
        var stillBehind = _holding ? Checkpoint.Next < _held.Position : Checkpoint < offered;
        if (stillBehind)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(1), TimeProvider.System, token).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A wait that ends when the feed offers past the checkpoint or the save interval passes (then what was folded is
    /// saved). The timer wakes the feed's waiter itself (<see cref="LiveTick"/>); a timer that fired before the wait
    /// was armed is seen here. On stop the timer's task is cancelled, which ends the wait too.
    /// </summary>
    private ValueTask WaitForFeed(LiveProjectionFeed live)
    {
        var more = live.WaitForMoreThanAsync(Checkpoint);
        if (_tick.IsCompleted)
        {
            live.Wake();
        }

        return more;
    }

    private async Task SaveIfDueAsync(LiveProjectionFeed live, CancellationToken token)
    {
        if (_sinceSave >= _options.SaveEvery || _tick.IsCompleted)
        {
            await SaveIfFoldedAsync().ConfigureAwait(false);
            _tick = LiveTick(live, token);
        }
    }

    /// <summary>The save timer, which also wakes a sleeping live loop when it fires (one continuation per interval, not per sleep).</summary>
    private Task LiveTick(LiveProjectionFeed live, CancellationToken token)
    {
        var tick = Tick(token);
        _ = tick.ContinueWith(static (_, feed) => ((LiveProjectionFeed)feed!).Wake(), live, CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return tick;
    }
}
