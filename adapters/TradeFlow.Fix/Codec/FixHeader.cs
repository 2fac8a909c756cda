namespace TradeFlow.Fix.Codec;

/// <summary>The standard header the session stamps on every outbound message.</summary>
/// <param name="BeginString">BeginString (8), e.g. <c>FIX.4.4</c>.</param>
/// <param name="SenderCompID">SenderCompID (49).</param>
/// <param name="TargetCompID">TargetCompID (56).</param>
/// <param name="MsgSeqNum">MsgSeqNum (34).</param>
/// <param name="SendingTime">SendingTime (52), UTC.</param>
/// <param name="PossDup">Whether to write PossDupFlag (43=Y), for a resent message.</param>
/// <param name="OrigSendingTime">OrigSendingTime (122), written when set (a resent message's first sending time).</param>
public readonly record struct FixHeader(string BeginString, string SenderCompID, string TargetCompID, int MsgSeqNum,
    DateTime SendingTime, bool PossDup = false, DateTime? OrigSendingTime = null);
