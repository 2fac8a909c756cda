namespace TradeFlow.EventSourcing.Storage;

/// <summary>
/// Wakes catch-up subscribers when a commit lands. A subscriber takes <see cref="NextCommit"/>
/// <em>before</em> it reads the store's head: a commit that publishes its head after that read
/// completes the task it holds, and one that published before is seen by the read, so no commit can
/// slip between "caught up" and "waiting". The task is only allocated when someone waits, so an
/// unsubscribed store pays a lock and a null check per commit.
/// </summary>
public sealed class CommitNotifier : IDisposable
{
    private readonly Lock _gate = new();
    private TaskCompletionSource<bool>? _next;
    private bool _disposed;

    /// <summary>True once the store has been disposed: subscribers should finish.</summary>
    public bool IsDisposed
    {
        get
        {
            lock (_gate)
            {
                return _disposed;
            }
        }
    }

    /// <summary>A task that completes at the next commit (result true) or at disposal (result false).</summary>
    public Task<bool> NextCommit()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return Task.FromResult(false);
            }

            _next ??= new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            return _next.Task;
        }
    }

    /// <summary>Signals a commit; call after the new head is visible to readers.</summary>
    public void Publish()
    {
        TaskCompletionSource<bool>? waiting;
        lock (_gate)
        {
            waiting = _next;
            _next = null;
        }

        waiting?.TrySetResult(true);
    }

    /// <summary>Ends every subscription's wait.</summary>
    public void Dispose()
    {
        TaskCompletionSource<bool>? waiting;
        lock (_gate)
        {
            _disposed = true;
            waiting = _next;
            _next = null;
        }

        waiting?.TrySetResult(false);
    }
}
