namespace TradeFlow.Fix.Codec;

/// <summary>The outcome of framing the first message in a stream buffer.</summary>
public enum FixParseStatus
{
    /// <summary>A whole, well-formed message was parsed.</summary>
    Complete,

    /// <summary>More bytes are needed before the message can be framed.</summary>
    Incomplete,

    /// <summary>
    /// The bytes are not a well-formed message (bad BodyLength, CheckSum or framing). FIX says such a
    /// message is ignored, not rejected: the caller skips the bytes and does not touch sequence numbers.
    /// </summary>
    Garbled,
}
