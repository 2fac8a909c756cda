using TradeFlow.Fix.Codec;

namespace TradeFlow.Fix.Session;

/// <summary>Inbound: the per-message loop, dispatch by MsgType and the header checks every message passes.</summary>
public sealed partial class FixSession
{
    private bool _logonEventPending;

    /// <summary>
    /// Processes one parsed message from the connection's reader (<paramref name="message"/> may be reused after the
    /// call), then any queued messages the gap fill made current, then writes what that produced.
    /// </summary>
    internal void Next(FixMessage message)
    {
        _log.Incoming(message.Raw);
        FixMessage? delivery;
        OutboundMark before;
        lock (_sync)
        {
            before = Mark();
            delivery = Process(message);
        }

        while (true)
        {
            if (delivery is not null)
            {
                Deliver(delivery);
            }

            lock (_sync)
            {
                if (!TryDequeue(out var queued))
                {
                    break;
                }

                delivery = Process(queued);
            }
        }

        // Most inbound messages (an order) produce nothing outbound here: then the reader must not queue behind
        // another thread's store fsync (it would stop reading the next order for the length of that fsync).
        if (ProducedOutbound(before))
        {
            FlushOutbound();
        }

        if (_logonEventPending)
        {
            _logonEventPending = false;
            RaiseLoggedOnChanged();
        }
    }

    /// <summary>Where the outbound side stands (under the lock): what was stamped, queued, and the queue's generation.</summary>
    private OutboundMark Mark() => new(_commits, _pending.End, _pending.Generation);

    /// <summary>Whether anything was stamped, queued or voided since <paramref name="before"/>, or a disconnect asked for.</summary>
    private bool ProducedOutbound(OutboundMark before)
    {
        lock (_sync)
        {
            return _disconnectRequested || Mark() != before;
        }
    }

    /// <summary>A message the parser could not frame (bad BodyLength or CheckSum): logged and ignored, as the spec says.</summary>
    internal void Garbled(string reason) => _log.Warning("Garbled message ignored: " + reason);

    /// <summary>Dispatches one message under the lock; returns it when it is an application message for FromApp.</summary>
    private FixMessage? Process(FixMessage message)
    {
        if (_connection is null || _disconnectRequested)
        {
            return null;
        }

        _lastReceived = Now;
        if (!message.TryGetValue(Tags.BeginString, out var beginString) || !beginString.SequenceEqual(_beginString))
        {
            SendLogout("Incorrect BeginString");
            RequestDisconnect("Incorrect BeginString");
            return null;
        }

        var msgType = message.MsgTypeString;
        if (!_receivedLogon && msgType != MsgTypes.Logon)
        {
            _log.Warning($"Received {msgType} before Logon: disconnecting");
            RequestDisconnect("First message was not a Logon");
            return null;
        }

        if (!message.Contains(Tags.MsgSeqNum))
        {
            SendLogout("Received message without MsgSeqNum");
            RequestDisconnect("Received message without MsgSeqNum");
            return null;
        }

        switch (msgType)
        {
            case MsgTypes.Logon: NextLogon(message); break;
            case MsgTypes.Heartbeat: NextHeartbeat(message); break;
            case MsgTypes.TestRequest: NextTestRequest(message); break;
            case MsgTypes.ResendRequest: NextResendRequest(message); break;
            case MsgTypes.Reject: NextReject(message); break;
            case MsgTypes.SequenceReset: NextSequenceReset(message); break;
            case MsgTypes.Logout: NextLogout(message); break;
            default: return Verify(message, checkTooHigh: true, checkTooLow: true) ? message : null;
        }

        return null;
    }

    /// <summary>
    /// QuickFIX's <c>verify</c>: SendingTime accuracy, CompIDs, then sequence (too high: queue and ask for a resend;
    /// too low: PossDup rules or Logout), then the data dictionary. False when the message must not be processed.
    /// </summary>
    private bool Verify(FixMessage message, bool checkTooHigh, bool checkTooLow)
    {
        var seq = message.MsgSeqNum;
        var expected = _store.NextTargetMsgSeqNum;
        if (!PassesHeaderChecks(message, out var sendingTime))
        {
            return false;
        }

        if (checkTooHigh && seq > expected)
        {
            DoTargetTooHigh(message, alreadyProcessed: false);
            return false;
        }

        if (checkTooLow && seq < expected)
        {
            DoTargetTooLow(message, sendingTime);
            return false;
        }

        if ((checkTooHigh || checkTooLow) && _resendRange.End != 0 && seq >= _resendRange.End)
        {
            _log.Event($"ResendRequest for messages FROM: {_resendRange.Begin} TO: {_resendRange.End} has been satisfied.");
            _resendRange = default;
        }

        if (_validator is not null && !_validator.TryValidate(message, out var reason, out var refTagId, out var text))
        {
            if (message.MsgTypeString == MsgTypes.Logon)
            {
                // Nobody is logged on to receive a Reject: refuse the Logon with the reason instead.
                SendLogout(text);
                RequestDisconnect("Invalid Logon: " + text);
                return false;
            }

            SendReject(message, reason, refTagId, text);
            return false;
        }

        _testRequests = 0;
        return true;
    }

    /// <summary>SendingTime present and within MaxLatency, CompIDs ours: else Reject (and Logout) as QuickFIX does.</summary>
    private bool PassesHeaderChecks(FixMessage message, out DateTime sendingTime)
    {
        if (!message.TryGetUtcTimestamp(Tags.SendingTime, out sendingTime))
        {
            SendReject(message, 1, Tags.SendingTime);
            return false;
        }

        if (_settings.CheckLatency && Math.Abs((Now - sendingTime).TotalSeconds) > _settings.MaxLatency)
        {
            SendReject(message, 10, 0);
            SendLogout(null);
            return false;
        }

        if (_settings.CheckCompID && !IsCorrectCompId(message))
        {
            SendReject(message, 9, 0);
            SendLogout(null);
            return false;
        }

        return true;
    }

    private bool IsCorrectCompId(FixMessage message) =>
        message.TryGetValue(Tags.SenderCompID, out var sender) && sender.SequenceEqual(_targetCompId)
        && message.TryGetValue(Tags.TargetCompID, out var target) && target.SequenceEqual(_senderCompId);

    /// <summary>Calls FromApp outside the lock; the sequence number is consumed only when the application took the message.</summary>
    private void Deliver(FixMessage message)
    {
        try
        {
            _application.FromApp(message, SessionId);
            lock (_sync)
            {
                _store.IncrNextTargetMsgSeqNum();
            }
        }
        catch (UnsupportedMessageTypeException)
        {
            lock (_sync)
            {
                SendBusinessReject(message, 3, "Unsupported Message Type");
            }
        }
        catch (TagException e)
        {
            lock (_sync)
            {
                SendReject(message, e.SessionRejectReason, e.Tag);
            }
        }
#pragma warning disable CA1031 // An application bug must not kill the reader; the message is resent after reconnect.
        catch (Exception e)
#pragma warning restore CA1031
        {
            lock (_sync)
            {
                _log.Error(e, $"FromApp failed on MsgSeqNum {message.MsgSeqNum}; disconnecting without consuming it");
                _queue.Clear();
                RequestDisconnect("Application error");
            }
        }
    }

    /// <summary>The queued message that is now next in sequence, if any (messages already handled just consume their number).</summary>
    private bool TryDequeue(out FixMessage message)
    {
        message = null!;
        while (_connection is not null && !_disconnectRequested && _queue.Count > 0)
        {
            var expected = _store.NextTargetMsgSeqNum;
            var first = _queue.First();
            if (first.Key < expected)
            {
                _queue.Remove(first.Key);
                continue;
            }

            if (first.Key > expected)
            {
                return false;
            }

            _queue.Remove(first.Key);
            if (first.Value.AlreadyProcessed)
            {
                _store.IncrNextTargetMsgSeqNum();
                continue;
            }

            message = first.Value.Message;
            return true;
        }

        return false;
    }
}
