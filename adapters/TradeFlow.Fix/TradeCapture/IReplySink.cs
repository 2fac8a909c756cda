using TradeFlow.Fix.Codec;

namespace TradeFlow.Fix.TradeCapture;

/// <summary>
/// Where <see cref="CaptureReplies"/> hands each encoded reply. Implemented by structs and taken as a generic
/// parameter, so that the reply thread passes its session and gate without a closure or a delegate per answer.
/// </summary>
internal interface IReplySink
{
    /// <summary>Takes one reply: its message type and its body (valid only during the call).</summary>
    void Send(string msgType, FixFieldWriter body);
}
