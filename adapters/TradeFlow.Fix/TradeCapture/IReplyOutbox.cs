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
}
