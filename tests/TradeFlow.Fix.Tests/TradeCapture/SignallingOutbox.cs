using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Session;
using TradeFlow.Fix.TradeCapture;

namespace TradeFlow.Fix.Tests.TradeCapture;

/// <summary>The acceptor's outbox, which also tells a test when answers queued behind a gate have been flushed into the store.</summary>
internal sealed class SignallingOutbox(SessionRegistryOutbox inner) : IReplyOutbox, IInboundHolds
{
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

    public void WriteAhead(SessionId session) => inner.WriteAhead(session);

    public bool SupportsConditional(SessionId session) => inner.SupportsConditional(session);

    public bool QueueConditional(SessionId session, string msgType, FixFieldWriter body, OutboundGate gate)
    {
        var queued = inner.QueueConditional(session, msgType, body, gate);
        Interlocked.Increment(ref _conditional);
        return queued;
    }

    public bool Open(SessionId session, OutboundGate gate) => inner.Open(session, gate);

    public void Void(SessionId session, OutboundGate gate) => inner.Void(session, gate);

    public InboundHold Hold(SessionId session, int msgSeqNum) => inner.Hold(session, msgSeqNum);

    public void Release(InboundHold hold) => inner.Release(hold);
}
