namespace TradeFlow.Fix.Session;

/// <summary>
/// The once-a-second check (QuickFIX's timer <c>next()</c>): session schedule, logon and logout timeouts, Heartbeat
/// when we were silent HeartBtInt, TestRequest when they were silent 1.2×HeartBtInt, disconnect at 2.4×.
/// </summary>
public sealed partial class FixSession
{
    /// <summary>QuickFIX's factor: a TestRequest after 1.2 heartbeat intervals of silence, a disconnect after two of them.</summary>
    private const double TestRequestFactor = 1.2;

    /// <summary>Runs the timer rules; the acceptor calls it every second.</summary>
    internal void Tick()
    {
        lock (_sync)
        {
            TickLocked(Now);
        }

        CloseIfDrainOverdue(Now);
        FlushOutbound(wait: false);
    }

    private void TickLocked(DateTime now)
    {
        if (!_settings.Schedule.IsInSameSession(now, _store.CreationTime))
        {
            EndOfSession(now);
            return;
        }

        if (_connection is null || _disconnectRequested)
        {
            return;
        }

        if (!_receivedLogon)
        {
            if (Elapsed(now, _connectedAt) >= _settings.LogonTimeout)
            {
                _log.Warning("Timed out waiting for logon");
                RequestDisconnect("Logon timeout", waitForWrites: false);
            }

            return;
        }

        if (_sentLogout && Elapsed(now, _logoutSentAt) >= _settings.LogoutTimeout)
        {
            _log.Warning("Timed out waiting for logout response");
            RequestDisconnect("Logout timeout", waitForWrites: false);
            return;
        }

        if (_heartBtInt > 0)
        {
            CheckHeartbeat(now);
        }
    }

    private void CheckHeartbeat(DateTime now)
    {
        var silentIn = Elapsed(now, _lastReceived);
        var silentOut = Elapsed(now, _lastSent);
        if (silentIn < _heartBtInt && silentOut < _heartBtInt)
        {
            return;
        }

        if (silentIn >= 2 * TestRequestFactor * _heartBtInt)
        {
            _log.Warning("Timed out waiting for heartbeat");
            RequestDisconnect("Heartbeat timeout", waitForWrites: false);
        }
        else if (silentIn >= TestRequestFactor * (_testRequests + 1) * _heartBtInt)
        {
            SendTestRequest("TEST");
            _testRequests++;
            _log.Event("Sent test request TEST");
        }
        else if (silentOut >= _heartBtInt && _testRequests == 0)
        {
            SendHeartbeat(default);
        }
    }

    /// <summary>Outside the session period (or into a new one): log out, disconnect, and start the new period at 1.</summary>
    private void EndOfSession(DateTime now)
    {
        if (_connection is not null && !_disconnectRequested)
        {
            _log.Event("Session period ended: logging out");
            if (LoggedOn && !_sentLogout)
            {
                SendLogout(null);
            }

            RequestDisconnect("End of session time");
        }

        ResetIfNewPeriod(now);
    }

    private static double Elapsed(DateTime now, DateTime since) => (now - since).TotalSeconds;
}
