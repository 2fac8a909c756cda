using TradeFlow.Fix.Codec;

namespace TradeFlow.Fix.Session;

/// <summary>Session-level Reject (3) and BusinessMessageReject (j).</summary>
public sealed partial class FixSession
{
    /// <summary>
    /// Sends Reject (3) with 45/371/372/373/58. As QuickFIX does, the rejected message's sequence number is consumed
    /// when it was the one expected, except for Logon and SequenceReset (whose numbers are handled by their rules).
    /// </summary>
    private void SendReject(FixMessage message, int reason, int refTagId, string? text = null)
    {
        var seq = message.MsgSeqNum;
        text ??= RejectTexts.For(reason);
        _adminBody.Clear();
        _adminBody.Add(Tags.RefSeqNum, seq);
        if (refTagId != 0)
        {
            _adminBody.Add(Tags.RefTagID, refTagId);
        }

        _adminBody.Add(Tags.RefMsgType, message.MsgType);
        _adminBody.Add(Tags.SessionRejectReason, reason);
        _adminBody.Add(Tags.Text, text);
        _log.Warning(refTagId != 0 ? $"Message {seq} Rejected: {text}:{refTagId}" : $"Message {seq} Rejected: {text}");
        SendAdmin(MsgTypes.Reject);
        var msgType = message.MsgTypeString;
        if (msgType != MsgTypes.Logon && msgType != MsgTypes.SequenceReset && seq == _store.NextTargetMsgSeqNum)
        {
            _store.IncrNextTargetMsgSeqNum();
        }
    }

    /// <summary>Sends BusinessMessageReject (j) with 45/372/380/58; the message's sequence number is consumed.</summary>
    private void SendBusinessReject(FixMessage message, int reason, string text)
    {
        _adminBody.Clear();
        _adminBody.Add(Tags.RefSeqNum, message.MsgSeqNum);
        _adminBody.Add(Tags.RefMsgType, message.MsgType);
        _adminBody.Add(Tags.BusinessRejectReason, reason);
        _adminBody.Add(Tags.Text, text);
        _log.Warning($"Message {message.MsgSeqNum} Rejected: {text}");
        SendApp(MsgTypes.BusinessMessageReject, _adminBody.Written);
        _store.IncrNextTargetMsgSeqNum();
    }
}
