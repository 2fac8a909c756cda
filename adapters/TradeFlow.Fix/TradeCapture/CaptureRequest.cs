using TradeFlow.Domain.Trades;
using TradeFlow.Fix.Session;

namespace TradeFlow.Fix.TradeCapture;

/// <summary>
/// One inbound trade-capture message on its way through the engine: the domain command and what the reply must
/// echo back (the client's ids and the order's economics as sent). Lives from <c>FromApp</c> until the engine's
/// outcome is answered.
/// </summary>
internal sealed class CaptureRequest
{
    /// <summary>The session the reply goes back on.</summary>
    public required SessionId Session { get; init; }

    /// <summary>The inbound message type (AE, D, F, G or J): the reply's type follows from it.</summary>
    public required string MsgType { get; init; }

    /// <summary>The client's id of this message: TradeReportID (571), ClOrdID (11) or AllocID (70).</summary>
    public required string ClientId { get; init; }

    /// <summary>The client's id of the original order for F and G (OrigClOrdID 41); null otherwise.</summary>
    public string? OrigClientId { get; init; }

    /// <summary>The domain command, or null when the message was refused before reaching the engine.</summary>
    public TradeCommand? Command { get; init; }

    /// <summary>The refusal when <see cref="Command"/> is null.</summary>
    public CaptureRejection Rejection { get; init; }

    /// <summary>The fields echoed back in execution reports and acks (instrument, side, quantities, price).</summary>
    public CaptureEcho Echo { get; init; }
}
