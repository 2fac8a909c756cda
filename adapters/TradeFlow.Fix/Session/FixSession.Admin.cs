using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Settings;

namespace TradeFlow.Fix.Session;

/// <summary>Admin messages: Logon, Logout, Heartbeat, TestRequest and Reject.</summary>
public sealed partial class FixSession
{
    private void NextLogon(FixMessage logon)
    {
        var now = Now;
        if (!_settings.Schedule.IsInSession(now))
        {
            _log.Warning("Received logon outside of valid logon time");
            RequestDisconnect("Logon outside of session time");
            return;
        }

        if (!logon.TryGetInt(Tags.HeartBtInt, out var heartBtInt) || heartBtInt < 0)
        {
            SendLogout("HeartBtInt (108) missing or invalid");
            RequestDisconnect("Logon without HeartBtInt");
            return;
        }

        var resetFlag = PrepareStoreForLogon(logon, now);
        if (!Verify(logon, checkTooHigh: false, checkTooLow: true) || !AcceptLogon(logon))
        {
            return;
        }

        _receivedLogon = true;
        if (!_isInitiator || (_receivedReset && !_sentReset))
        {
            _heartBtInt = heartBtInt;
            _log.Event("Received logon request");
            SendLogon(echoReset: resetFlag);
            _log.Event("Responding to logon request");
        }
        else
        {
            _log.Event("Received logon response");
        }

        _sentReset = _receivedReset = false;
        CompleteLogon(logon, resetFlag);
    }

    /// <summary>New session period, RefreshOnLogon, ResetSeqNumFlag and ResetOnLogon; true when the Logon carried 141=Y.</summary>
    private bool PrepareStoreForLogon(FixMessage logon, DateTime now)
    {
        ResetIfNewPeriod(now);
        if (_settings.RefreshOnLogon)
        {
            _store.Refresh();
        }

        var resetFlag = logon.TryGetBool(Tags.ResetSeqNumFlag, out var reset) && reset;
        if (resetFlag)
        {
            _log.Event("Logon contains ResetSeqNumFlag=Y, resetting sequence numbers to 1");
            if (!_sentReset)
            {
                ResetStore(now);
            }

            _receivedReset = true;
        }
        else if (!_isInitiator && _settings.ResetOnLogon)
        {
            ResetStore(now);
        }

        return resetFlag;
    }

    /// <summary>Consumes the Logon's number (or asks for the gap before it) and tells the application.</summary>
    private void CompleteLogon(FixMessage logon, bool resetFlag)
    {
        if (logon.MsgSeqNum > _store.NextTargetMsgSeqNum && !resetFlag)
        {
            DoTargetTooHigh(logon, alreadyProcessed: true);
        }
        else
        {
            _store.IncrNextTargetMsgSeqNum();
        }

        if (LoggedOn && !_loggedOnNotified)
        {
            _loggedOnNotified = true;
            _logonEventPending = true;
            _application.OnLogon(SessionId);
        }
    }

    /// <summary>TradeFlow's credential check and the application's FromAdmin; a refusal is a Logout with the reason.</summary>
    private bool AcceptLogon(FixMessage logon)
    {
        try
        {
            if (!_isInitiator && _settings.Username is not null && !CredentialsMatch(logon))
            {
                throw new RejectLogonException("Invalid username or password");
            }

            _application.FromAdmin(logon, SessionId);
            return true;
        }
        catch (RejectLogonException e)
        {
            _log.Warning("Logon rejected: " + e.Message);
            SendLogout(e.Message);
            _store.IncrNextTargetMsgSeqNum();
            RequestDisconnect("Logon rejected");
            return false;
        }
    }

    private bool CredentialsMatch(FixMessage logon)
    {
        var username = logon.GetString(Tags.Username);
        var password = logon.GetString(Tags.Password);
        return username == _settings.Username && password is not null && PasswordHash.Verify(password, _settings.PasswordHash!);
    }

    private void NextHeartbeat(FixMessage heartbeat)
    {
        if (Verify(heartbeat, checkTooHigh: true, checkTooLow: true))
        {
            _application.FromAdmin(heartbeat, SessionId);
            _store.IncrNextTargetMsgSeqNum();
        }
    }

    private void NextTestRequest(FixMessage testRequest)
    {
        if (Verify(testRequest, checkTooHigh: true, checkTooLow: true))
        {
            _application.FromAdmin(testRequest, SessionId);
            testRequest.TryGetValue(Tags.TestReqID, out var id);
            SendHeartbeat(id);
            _store.IncrNextTargetMsgSeqNum();
        }
    }

    private void NextReject(FixMessage reject)
    {
        if (Verify(reject, checkTooHigh: false, checkTooLow: true))
        {
            _application.FromAdmin(reject, SessionId);
            _store.IncrNextTargetMsgSeqNum();
        }
    }

    private void NextLogout(FixMessage logout)
    {
        if (!Verify(logout, checkTooHigh: false, checkTooLow: false))
        {
            return;
        }

        _application.FromAdmin(logout, SessionId);
        if (!_sentLogout)
        {
            _log.Event("Received logout request");
            SendLogout(null);
            _log.Event("Sending logout response");
        }
        else
        {
            _log.Event("Received logout response");
        }

        if (logout.MsgSeqNum == _store.NextTargetMsgSeqNum)
        {
            _store.IncrNextTargetMsgSeqNum();
        }

        if (_settings.ResetOnLogout)
        {
            ResetStore(Now);
        }

        RequestDisconnect("Logout");
    }

    /// <summary>An initiator's Logon (with 141=Y and fresh sequence numbers when ResetOnLogon=Y).</summary>
    internal void InitiateLogon()
    {
        lock (_sync)
        {
            if (_connection is null || _sentLogon)
            {
                return;
            }

            if (_settings.ResetOnLogon)
            {
                ResetStore(Now);
                _sentReset = true;
            }

            _heartBtInt = _settings.HeartBtInt;
            SendLogon(echoReset: _sentReset);
            _log.Event("Initiated logon request");
        }

        FlushOutbound();
    }

    private void SendLogon(bool echoReset)
    {
        _adminBody.Clear();
        _adminBody.Add(Tags.EncryptMethod, 0);
        _adminBody.Add(Tags.HeartBtInt, _heartBtInt);
        if (echoReset)
        {
            _adminBody.Add(Tags.ResetSeqNumFlag, true);
        }

        SendAdmin(MsgTypes.Logon);
        _sentLogon = true;
    }

    private void SendLogout(string? text)
    {
        _adminBody.Clear();
        if (!string.IsNullOrEmpty(text))
        {
            _adminBody.Add(Tags.Text, text);
        }

        SendAdmin(MsgTypes.Logout);
        _sentLogout = true;
        _logoutSentAt = Now;
    }

    private void SendHeartbeat(ReadOnlySpan<byte> testReqId)
    {
        _adminBody.Clear();
        if (!testReqId.IsEmpty)
        {
            _adminBody.Add(Tags.TestReqID, testReqId);
        }

        SendAdmin(MsgTypes.Heartbeat);
    }

    private void SendTestRequest(string testReqId)
    {
        _adminBody.Clear();
        _adminBody.Add(Tags.TestReqID, testReqId);
        SendAdmin(MsgTypes.TestRequest);
    }
}
