using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Session;

namespace TradeFlow.Fix.TradeCapture;

/// <summary>
/// Where the trade-capture application puts its replies: queued per session, then flushed once per batch, so that
/// every reply the engine made durable in one commit also shares one fsync of the FIX store and one socket write.
/// </summary>
public interface IReplyOutbox
{
    /// <summary>Stamps and queues a reply on <paramref name="session"/>; false when it could not be queued.</summary>
    bool Queue(SessionId session, string msgType, FixFieldWriter body);

    /// <summary>Makes what is queued on <paramref name="session"/> durable and sends it.</summary>
    void Flush(SessionId session);

    /// <summary>
    /// Sends what is queued on <paramref name="session"/> and durable already (answers whose gate was opened), without
    /// a store flush (see <see cref="FixSession.SendDurable"/>). By default a full <see cref="Flush"/>.
    /// </summary>
    void SendDurable(SessionId session) => Flush(session);

    /// <summary>
    /// Sends what <see cref="SendDurable"/> would, but only as far as that cannot block (see
    /// <see cref="FixSession.TrySendDurable"/>); true when nothing sendable is left for <see cref="SendDurable"/>, false
    /// when it must still be called from a thread that may block. By default false: always hand it on.
    /// </summary>
    bool TrySendDurable(SessionId session) => false;

    /// <summary>
    /// Hands what is stored on <paramref name="session"/> to its store's file without an fsync (see
    /// <see cref="FixSession.WriteAhead"/>); durable and sent only at the next <see cref="Flush"/>. By default nothing.
    /// </summary>
    void WriteAhead(SessionId session)
    {
    }

    /// <summary>Whether <paramref name="session"/> can queue conditional replies (<see cref="FixSession.QueueConditional"/>).</summary>
    bool SupportsConditional(SessionId session) => false;

    /// <summary>Stamps, stores and queues a reply behind <paramref name="gate"/> (see <see cref="FixSession.QueueConditional"/>).</summary>
    bool QueueConditional(SessionId session, string msgType, FixFieldWriter body, OutboundGate gate) =>
        throw new NotSupportedException("This outbox does not queue conditional replies.");

    /// <summary>Opens <paramref name="gate"/> on <paramref name="session"/> (see <see cref="FixSession.Open"/>); false when it had been voided.</summary>
    bool Open(SessionId session, OutboundGate gate) => false;

    /// <summary>Voids <paramref name="gate"/> on <paramref name="session"/> (see <see cref="FixSession.Void"/>).</summary>
    void Void(SessionId session, OutboundGate gate)
    {
    }
}
