using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Session;

namespace TradeFlow.Fix.TradeCapture;

/// <summary>
/// Hands replies to the application's outbox for one session: stored behind <paramref name="gate"/> when there is
/// one (answers decided, not yet durable), else queued as usual.
/// </summary>
internal readonly struct OutboxReplySink(TradeCaptureApplication application, CaptureRequest request, OutboundGate? gate)
    : IReplySink
{
    /// <inheritdoc/>
    public void Send(string msgType, FixFieldWriter body) => application.QueueOnSession(request, msgType, body, gate);
}
