namespace TradeFlow.Fix.Session;

/// <summary>
/// An application's claim on an inbound MsgSeqNum it has taken but not yet made durable (see
/// <see cref="FixSession.Hold"/>); hand it back to <see cref="FixSession.Release"/> once the message is durable.
/// </summary>
/// <param name="Session">The session the message arrived on.</param>
/// <param name="MsgSeqNum">The held message's sequence number.</param>
/// <param name="Epoch">The session's sequence-number epoch (bumped by every reset), so a hold taken before a reset
/// can never release a number the reset numbering reuses.</param>
public readonly record struct InboundHold(SessionId Session, int MsgSeqNum, long Epoch);
