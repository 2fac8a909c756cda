namespace TradeFlow.Fix.Store;

/// <summary>What a record of the <see cref="LogMessageStore"/> file holds.</summary>
internal enum LogRecordKind : byte
{
    /// <summary>The store's creation time (UTC ticks, 8 bytes): always the first record.</summary>
    Created = 1,

    /// <summary>One outbound message: its MsgSeqNum (4 bytes), then the message as sent.</summary>
    Message = 2,

    /// <summary>
    /// Next sender and next target numbers (4 + 4 bytes). Every flush ends with one, so it is also the commit mark:
    /// records after the last one were never made durable as a whole, hence never sent.
    /// </summary>
    Numbers = 3,

    /// <summary>
    /// The condition of the conditional message that follows it (<see cref="IMessageStore.SetConditional"/>): its
    /// MsgSeqNum (4 bytes), then the condition (UTF-8). Until a <see cref="Resolution"/> says it was met, the message is
    /// never resent.
    /// </summary>
    Condition = 4,

    /// <summary>A conditional message's fate: its MsgSeqNum (4 bytes), then 1 = met (may be resent) or 2 = void (never sent).</summary>
    Resolution = 5,
}
