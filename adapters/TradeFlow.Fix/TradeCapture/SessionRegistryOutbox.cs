using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Session;

namespace TradeFlow.Fix.TradeCapture;

/// <summary>
/// Replies through an acceptor's (or initiator's) sessions, and holds inbound numbers on them. Takes the registry
/// lazily because the acceptor is built from the application, and the application needs somewhere to reply.
/// </summary>
/// <param name="sessions">The registry, once the acceptor exists.</param>
public sealed class SessionRegistryOutbox(Func<SessionRegistry> sessions) : IReplyOutbox, IInboundHolds
{
    /// <inheritdoc/>
    public bool Queue(SessionId session, string msgType, FixFieldWriter body) => sessions().QueueToTarget(session, msgType, body);

    /// <inheritdoc/>
    public void Flush(SessionId session) => sessions().Flush(session);

    /// <inheritdoc/>
    public void SendDurable(SessionId session)
    {
        if (sessions().TryGet(session, out var found))
        {
            found.SendDurable();
        }
    }

    /// <inheritdoc/>
    public bool TrySendDurable(SessionId session) => sessions().TryGet(session, out var found) && found.TrySendDurable();

    /// <inheritdoc/>
    public void WriteAhead(SessionId session)
    {
        if (sessions().TryGet(session, out var found))
        {
            found.WriteAhead();
        }
    }

    /// <inheritdoc/>
    public bool SupportsConditional(SessionId session) => sessions().TryGet(session, out var found) && found.SupportsConditionalMessages;

    /// <inheritdoc/>
    public bool QueueConditional(SessionId session, string msgType, FixFieldWriter body, OutboundGate gate) =>
        sessions()[session].QueueConditional(msgType, body, gate);

    /// <inheritdoc/>
    public bool Open(SessionId session, OutboundGate gate) => sessions().TryGet(session, out var found) && found.Open(gate);

    /// <inheritdoc/>
    public void Void(SessionId session, OutboundGate gate)
    {
        if (sessions().TryGet(session, out var found))
        {
            found.Void(gate);
        }
    }

    /// <inheritdoc/>
    public InboundHold Hold(SessionId session, int msgSeqNum) => sessions()[session].Hold(msgSeqNum);

    /// <inheritdoc/>
    public void Release(InboundHold hold)
    {
        if (sessions().TryGet(hold.Session, out var session))
        {
            session.Release(hold);
        }
    }
}
