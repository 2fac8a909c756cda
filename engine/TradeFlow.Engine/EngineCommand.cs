using TradeFlow.Domain.Trades;

namespace TradeFlow.Engine;

/// <summary>
/// A command as a gateway submits it: the domain command (which carries its source key for
/// idempotency and its effective time) plus the envelope's source and actor. A readonly struct so that
/// <see cref="TradeEngine.Submit"/> takes it by reference without copying or allocating; the
/// <see cref="TradeCommand"/> record itself is allocated by the producer.
/// </summary>
/// <param name="Command">The domain command.</param>
/// <param name="Source">Where it came from, e.g. <c>FIX:BANK-CLIENT1:MsgSeqNum=42</c>; null when unknown.</param>
/// <param name="Actor">Who sent it (trader, user or system); null when unknown.</param>
public readonly record struct EngineCommand(TradeCommand Command, string? Source = null, string? Actor = null);
