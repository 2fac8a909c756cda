using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Session;
using TradeFlow.Fix.TradeCapture;

namespace TradeFlow.Fix.Tests.TradeCapture;

/// <summary>The acceptor's outbox, which also tells a test when answers queued behind a gate have been flushed into the store.</summary>
internal sealed class SignallingOutbox(SessionRegistryOutbox inner) : IReplyOutbox, IInboundHolds
{
    private readonly Dictionary<SessionId, int> _opened = [];
    private readonly List<(SessionId Session, int Count, TaskCompletionSource Done)> _openWaiters = [];
    private int _conditional;

    public TaskCompletionSource StoredAnswers { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Queue(SessionId session, string msgType, FixFieldWriter body) => inner.Queue(session, msgType, body);

    public void Flush(SessionId session)
    {
        inner.Flush(session);

        if (Volatile.Read(ref _conditional) > 0)
        {
            StoredAnswers.TrySetResult();
        }
    }

    public bool TrySendDurable(SessionId session) => inner.TrySendDurable(session);

    public void WriteAhead(SessionId session) => inner.WriteAhead(session);

    public bool SupportsConditional(SessionId session) => inner.SupportsConditional(session);

    public bool QueueConditional(SessionId session, string msgType, FixFieldWriter body, OutboundGate gate)
    {
        var queued = inner.QueueConditional(session, msgType, body, gate);
        Interlocked.Increment(ref _conditional);
        return queued;
    }

    public bool Open(SessionId session, OutboundGate gate)
    {
        var opened = inner.Open(session, gate);
        if (opened)
        {
            lock (_opened)
            {
                var count = _opened[session] = _opened.GetValueOrDefault(session) + 1;
                foreach (var waiter in _openWaiters.Where(w => w.Session == session && w.Count <= count))
                {
                    waiter.Done.TrySetResult();
                }
            }
        }

        return opened;
    }

    /// <summary>Completes once <paramref name="count"/> gates of <paramref name="session"/> have been opened.</summary>
    public Task WaitForOpenedAsync(SessionId session, int count)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_opened)
        {
            if (_opened.GetValueOrDefault(session) >= count)
            {
                return Task.CompletedTask;
            }

            _openWaiters.Add((session, count, done));
        }

        return done.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    public void Void(SessionId session, OutboundGate gate) => inner.Void(session, gate);

    public InboundHold Hold(SessionId session, int msgSeqNum) => inner.Hold(session, msgSeqNum);

    public void Release(InboundHold hold) => inner.Release(hold);
}
