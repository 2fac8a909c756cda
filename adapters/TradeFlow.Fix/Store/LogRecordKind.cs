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
}
