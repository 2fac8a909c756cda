using System.Buffers;
using TradeFlow.Fix.Codec;

namespace TradeFlow.Fix.Session;

/// <summary>Sequence numbers: gaps, duplicates, ResendRequest and SequenceReset.</summary>
public sealed partial class FixSession
{
    private void DoTargetTooHigh(FixMessage message, bool alreadyProcessed)
    {
        var seq = message.MsgSeqNum;
        var expected = _store.NextTargetMsgSeqNum;
        _log.Event($"MsgSeqNum too high, expecting {expected} but received {seq}");
        _queue.TryAdd(seq, new QueuedMessage(message.Clone(), alreadyProcessed));
        if (_resendRange.End != 0 && seq >= _resendRange.Begin)
        {
            _log.Event($"Already sent ResendRequest FROM: {_resendRange.Begin} TO: {_resendRange.End}.  Not sending another.");
            return;
        }

        SendResendRequest(expected, seq - 1);
    }

    private void DoTargetTooLow(FixMessage message, DateTime sendingTime)
    {
        var seq = message.MsgSeqNum;
        if (!(message.TryGetBool(Tags.PossDupFlag, out var possDup) && possDup))
        {
            var text = $"MsgSeqNum too low, expecting {_store.NextTargetMsgSeqNum} but received {seq}";
            _log.Warning(text);
            SendLogout(text);
            RequestDisconnect(text);
            return;
        }

        // A PossDup duplicate of something already processed: checked, then ignored.
        if (message.MsgTypeString == MsgTypes.SequenceReset)
        {
            return;
        }

        if (!message.TryGetUtcTimestamp(Tags.OrigSendingTime, out var origSendingTime))
        {
            SendReject(message, 1, Tags.OrigSendingTime);
            return;
        }

        if (origSendingTime > sendingTime)
        {
            SendReject(message, 10, 0);
            SendLogout(null);
        }
    }

    private void NextSequenceReset(FixMessage sequenceReset)
    {
        var isGapFill = sequenceReset.TryGetBool(Tags.GapFillFlag, out var gapFill) && gapFill;
        if (!Verify(sequenceReset, checkTooHigh: isGapFill, checkTooLow: isGapFill))
        {
            return;
        }

        _application.FromAdmin(sequenceReset, SessionId);
        if (!sequenceReset.TryGetInt(Tags.NewSeqNo, out var newSeqNo))
        {
            SendReject(sequenceReset, 1, Tags.NewSeqNo);
            return;
        }

        var expected = _store.NextTargetMsgSeqNum;
        _log.Event($"Received SequenceReset FROM: {expected} TO: {newSeqNo}");
        if (newSeqNo > expected)
        {
            _store.NextTargetMsgSeqNum = newSeqNo;
        }
        else if (newSeqNo < expected)
        {
            SendReject(sequenceReset, 5, Tags.NewSeqNo);
        }
    }

    private void NextResendRequest(FixMessage request)
    {
        if (!Verify(request, checkTooHigh: false, checkTooLow: false))
        {
            return;
        }

        _application.FromAdmin(request, SessionId);
        if (!request.TryGetInt(Tags.BeginSeqNo, out var begin) || !request.TryGetInt(Tags.EndSeqNo, out var end))
        {
            SendReject(request, 1, request.Contains(Tags.BeginSeqNo) ? Tags.EndSeqNo : Tags.BeginSeqNo);
            return;
        }

        _log.Event($"Received ResendRequest FROM: {begin} TO: {end}");
        var lastSent = _store.NextSenderMsgSeqNum - 1;
        if (end == 0 || end > lastSent)
        {
            end = lastSent;
        }

        Resend(Math.Max(begin, 1), end);
        var seq = request.MsgSeqNum;
        var expected = _store.NextTargetMsgSeqNum;
        if (seq == expected)
        {
            _store.IncrNextTargetMsgSeqNum();
        }
        else if (seq > expected)
        {
            // Answered already; once the gap before it is filled it only consumes its number.
            DoTargetTooHigh(request, alreadyProcessed: true);
        }
    }

    /// <summary>
    /// Answers a resend from the store: application messages again with PossDupFlag=Y, OrigSendingTime and a fresh
    /// SendingTime; admin messages (and anything missing or refused by ToApp) replaced by SequenceReset-GapFill, one per
    /// consecutive run.
    /// </summary>
    private void Resend(int begin, int end)
    {
        if (begin > end)
        {
            return;
        }

        var gapStart = 0;
        var next = begin;
        var resent = new ArrayBufferWriter<byte>(1024);
        _store.Get(begin, end, (seq, raw) =>
        {
            if (gapStart == 0 && seq > next)
            {
                gapStart = next;
            }

            resent.ResetWrittenCount();
            if (!TryPrepareResend(raw, resent))
            {
                gapStart = gapStart == 0 ? seq : gapStart;
            }
            else
            {
                if (gapStart != 0)
                {
                    SendGapFill(gapStart, seq);
                    gapStart = 0;
                }

                Transmit(resent.WrittenSpan);
            }

            next = seq + 1;
        });

        if (gapStart == 0 && next <= end)
        {
            gapStart = next;
        }

        if (gapStart != 0)
        {
            SendGapFill(gapStart, end + 1);
        }
    }

    /// <summary>Re-stamps a stored application message for resending; false when it is to be gap-filled instead.</summary>
    private bool TryPrepareResend(ReadOnlySpan<byte> raw, ArrayBufferWriter<byte> output)
    {
        if (FixParser.TryParse(raw, _storedView, out _, out _) != FixParseStatus.Complete || MsgTypes.IsAdmin(_storedView.MsgType))
        {
            return false;
        }

        _storedView.TryGetUtcTimestamp(Tags.SendingTime, out var origSendingTime);
        var header = new FixHeader(SessionId.BeginString, SessionId.SenderCompID, SessionId.TargetCompID, _storedView.MsgSeqNum, Now, PossDup: true, OrigSendingTime: origSendingTime);
        var message = Stamp(_storedView.MsgTypeString, StoredBody.Of(_storedView), header);
        try
        {
            _application.ToApp(_outboundView, SessionId);
        }
        catch (DoNotSendException)
        {
            return false;
        }

        output.Write(message);
        return true;
    }

    private void SendResendRequest(int begin, int end)
    {
        _adminBody.Clear();
        _adminBody.Add(Tags.BeginSeqNo, begin);
        _adminBody.Add(Tags.EndSeqNo, 0); // FIX 4.2+: 0 means "to infinity", as QuickFIX sends it.
        SendAdmin(MsgTypes.ResendRequest);
        _resendRange = (begin, end);
        _log.Event($"Sent ResendRequest FROM: {begin} TO: {end}");
    }

    /// <summary>A SequenceReset-GapFill sent in place of [begin, newSeqNo): numbered begin, not stored, no number consumed.</summary>
    private void SendGapFill(int begin, int newSeqNo)
    {
        _adminBody.Clear();
        _adminBody.Add(Tags.GapFillFlag, true);
        _adminBody.Add(Tags.NewSeqNo, newSeqNo);
        var now = Now;
        var header = new FixHeader(SessionId.BeginString, SessionId.SenderCompID, SessionId.TargetCompID, begin, now, PossDup: true, OrigSendingTime: now);
        var message = Stamp(MsgTypes.SequenceReset, _adminBody.Written, header);
        _application.ToAdmin(_outboundView, SessionId);
        Transmit(message);
        _log.Event($"Sent SequenceReset TO: {newSeqNo}");
    }
}
