using TradeFlow.Fix.Session;

namespace TradeFlow.Fix.Transport;

/// <summary>
/// Records each socket write as it enters and leaves the socket call itself, with the thread that made it and whether
/// it may block: a test seam (set on the acceptor before it starts) that lets a test see that a write is in the socket
/// and unfinished, or that a thread never entered a blocking write — facts no clock can prove on a shared machine.
/// </summary>
internal sealed class SocketWriteProbe
{
    private readonly Lock _sync = new();
    private readonly Dictionary<long, SocketWrite> _inside = [];
    private readonly List<SocketWrite> _entered = [];
    private readonly Dictionary<SessionId, TaskCompletionSource> _shortWrites = [];
    private long _next;

    /// <summary>A write entering the socket; returns the token <see cref="Exited"/> takes.</summary>
    public long Entered(SessionId? session, bool blocking)
    {
        var write = new SocketWrite(session, Thread.CurrentThread.Name, blocking);
        lock (_sync)
        {
            var token = ++_next;
            _inside.Add(token, write);
            _entered.Add(write);
            return token;
        }
    }

    /// <summary>The write <paramref name="token"/> came back from the socket; <paramref name="shortWrite"/> when it left bytes behind.</summary>
    public void Exited(long token, bool shortWrite = false)
    {
        lock (_sync)
        {
            if (_inside.Remove(token, out var write) && shortWrite && write.Session is { } session)
            {
                ShortWrite(session).TrySetResult();
            }
        }
    }

    /// <summary>Completes once a write that never blocks left bytes of <paramref name="session"/> behind (its socket was full).</summary>
    public Task ShortWriteAsync(SessionId session)
    {
        lock (_sync)
        {
            return ShortWrite(session).Task;
        }
    }

    private TaskCompletionSource ShortWrite(SessionId session)
    {
        if (!_shortWrites.TryGetValue(session, out var signal))
        {
            _shortWrites[session] = signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        return signal;
    }

    /// <summary>Every write that entered the socket so far, in order of entry.</summary>
    public IReadOnlyList<SocketWrite> Entries()
    {
        lock (_sync)
        {
            return [.. _entered];
        }
    }

    /// <summary>The writes in the socket now (entered and not yet returned), with their tokens.</summary>
    public IReadOnlyDictionary<long, SocketWrite> Inside()
    {
        lock (_sync)
        {
            return new Dictionary<long, SocketWrite>(_inside);
        }
    }
}
