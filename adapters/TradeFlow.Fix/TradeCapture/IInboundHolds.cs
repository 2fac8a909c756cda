using TradeFlow.Fix.Session;

namespace TradeFlow.Fix.TradeCapture;

/// <summary>
/// The inbound watermark as the trade-capture application sees it: hold a message's sequence number while the
/// engine has it, release it once its answer is queued (see <see cref="FixSession.Hold"/>). Keeps the application
/// off the session objects, and FIX types out of the engine.
/// </summary>
public interface IInboundHolds
{
    /// <summary>Holds inbound <paramref name="msgSeqNum"/> of <paramref name="session"/>; call on the reader thread, inside FromApp.</summary>
    InboundHold Hold(SessionId session, int msgSeqNum);

    /// <summary>Releases <paramref name="hold"/>; any thread, any order.</summary>
    void Release(InboundHold hold);
}
