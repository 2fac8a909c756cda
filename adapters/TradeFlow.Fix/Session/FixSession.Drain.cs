using System.Buffers;

namespace TradeFlow.Fix.Session;

/// <summary>
/// A counterparty that stops reading (session 11): what its socket does not accept waits on a thread of this session
/// alone — the drain, started when a write leaves bytes behind and ended when they are all written — so no shared
/// thread (the engine's publish thread, the gateway's reply and store-flush threads, the timer) ever waits for it.
/// A counterparty that takes nothing for SlowConsumerTimeout seconds is disconnected; its messages stay in the store
/// and reach it by resend after its next Logon; so is one that falls more than MaxPendingBytes behind (memory stays
/// bounded even for a counterparty that reads a little now and then). A disconnect asked for meanwhile waits for the drain at most
/// LogoutTimeout seconds (none for a timeout's).
/// </summary>
public sealed partial class FixSession
{
    // How long the drain waits for the socket before it looks again whether the session moved on (a bound, not a clock
    // anything depends on: a close wakes the wait at once; Dispose waits at most this long for a drain to notice).
    private static readonly TimeSpan DrainWait = TimeSpan.FromSeconds(1);

    // Buffers grown past this by a counterparty that fell behind are replaced by small ones once it has caught up.
    private const int ShrinkAbove = 1024 * 1024;

    // When the kept bytes last made progress (UTC ticks of the session's clock), 0 when nothing is kept.
    private long _stalledSince;

    // The drain thread last started, so that Dispose can wait for it to end.
    private Thread? _drainThread;

    // Set by Dispose: a drain ends at its next look, leaving what is kept to the store's resend.
    private volatile bool _disposing;

    /// <summary>The drain thread last started (null when none was): tests wait for it to end.</summary>
    internal Thread? DrainThread => Volatile.Read(ref _drainThread);

    // Under the send gate: the bytes the socket did not take go first, and the drain starts if none runs for it.
    // Bytes kept for an earlier connection are dropped here (its successor gets them by resend).
    private void KeepUnsent(ISessionConnection connection, ReadOnlySpan<byte> rest)
    {
        var draining = ReferenceEquals(_unsentFor, connection);
        if (!draining)
        {
            _unsent.ResetWrittenCount();
            _unsentOffset = 0;
        }

        _unsent.Write(rest);
        if (draining)
        {
            return;
        }

        Volatile.Write(ref _unsentFor, connection);
        Volatile.Write(ref _stalledSince, Now.Ticks);
        _log.Event($"Counterparty not reading: {rest.Length} bytes wait for its socket");
        var drain = new Thread(() => Drain(connection)) { IsBackground = true, Name = "fix-drain " + SessionId.TargetCompID };
        Volatile.Write(ref _drainThread, drain);
        drain.Start();
    }

    private void ClearUnsent()
    {
        // A long stall may have grown the buffer: not kept at that size for the rest of the session.
        if (_unsent.Capacity > ShrinkAbove)
        {
            _unsent = new ArrayBufferWriter<byte>(1024);
        }

        _unsent.ResetWrittenCount();
        _unsentOffset = 0;
        Volatile.Write(ref _unsentFor, null);
        Volatile.Write(ref _stalledSince, 0);
    }

    // Waits for this socket alone; every write it makes never blocks, so it holds the send gate only briefly. An
    // exception must not escape a thread of our own (it would end the process): it is logged and ends the connection.
    private void Drain(ISessionConnection connection)
    {
        try
        {
            var done = false;
            while (!done)
            {
                var writable = connection.WaitWritable(DrainWait);
                _sendGate.Enter();
                try
                {
                    done = !writable ? !StillDraining(connection) : DrainOnce(connection);
                }
                finally
                {
                    _sendGate.Exit();
                }
            }

            // The timer's side of the re-run protocol (Enter): a Heartbeat or disconnect it left to the holder after
            // the last round took what was sendable goes out now, not a tick later.
            if (!_disposing && Volatile.Read(ref _writeAgain) != 0)
            {
                WriteDurable(wait: false);
            }
        }
        catch (Exception e)
        {
            EndAfterFailure(connection, e);
        }
    }

    private void EndAfterFailure(ISessionConnection connection, Exception failure)
    {
        _sendGate.Enter();
        try
        {
            // Else every writer would defer to a drain that is gone.
            if (ReferenceEquals(_unsentFor, connection))
            {
                ClearUnsent();
            }
        }
        finally
        {
            _sendGate.Exit();
        }

        _log.Error(failure, "Drain failed; closing the connection");
        connection.Disconnect();
        try
        {
            Disconnected(connection, "Drain failed: " + failure.Message);
        }
        catch (Exception again)
        {
            // The application's OnLogout again, most likely: logged too, the connection is closed already.
            _log.Error(again, "Drain failed; closing the connection failed too");
        }
    }

    private bool StillDraining(ISessionConnection connection)
    {
        if (!_disposing && ReferenceEquals(_unsentFor, connection) && IsCurrent(connection))
        {
            return true;
        }

        if (ReferenceEquals(_unsentFor, connection))
        {
            ClearUnsent();
        }

        return false;
    }

    // One round under the send gate: the kept bytes first, then whatever became sendable meanwhile, in queue order.
    // True when the drain is over: everything written (and a requested disconnect made), or the connection is gone.
    private bool DrainOnce(ISessionConnection connection)
    {
        if (!StillDraining(connection))
        {
            return true;
        }

        var outcome = connection.TrySendNow(_unsent.WrittenSpan[_unsentOffset..]);
        if (outcome.IsFailure)
        {
            EndAfterWriteFailed(connection, outcome);
            return true;
        }

        if (outcome.Bytes > 0)
        {
            _unsentOffset += outcome.Bytes;
            Volatile.Write(ref _stalledSince, Now.Ticks);
        }

        return _unsentOffset == _unsent.WrittenCount && DrainQueued(connection);
    }

    // The kept bytes are out: take what is sendable now, as a write on any other thread would have.
    private bool DrainQueued(ISessionConnection connection)
    {
        bool disconnect;
        string? reason;
        lock (_sync)
        {
            // Checked in the same hold as the take: a connection that replaced ours since the round began must not
            // have its bytes (its Logon answer, say) written to our socket.
            if (!ReferenceEquals(_connection, connection))
            {
                ClearUnsent();
                return true;
            }

            var complete = _pending.TakeSendable(ref _writing, _log.Outgoing);
            disconnect = _disconnectRequested && complete;
            reason = _disconnectReason;
        }

        // Still this connection's drain while it writes, so a partial write appends here rather than start another.
        _unsent.ResetWrittenCount();
        _unsentOffset = 0;
        var outcome = SendWithoutBlocking(connection, _writing.WrittenSpan);
        _writing.ResetWrittenCount();
        if (outcome.IsFailure)
        {
            EndAfterWriteFailed(connection, outcome);
            return true;
        }

        if (_unsent.WrittenCount > 0)
        {
            return false;
        }

        ClearUnsent();
        ShrinkQueueBuffers();
        _log.Event("Counterparty reading again: everything kept was written");
        if (disconnect)
        {
            CloseAfterWrite(connection, reason);
        }

        return true;
    }

    // A connection we closed ourselves is not a write failure: whoever closed it reports why (the slow-consumer or
    // requested-disconnect check, the reader), so the drain just ends.
    private void EndAfterWriteFailed(ISessionConnection connection, SendOutcome outcome)
    {
        ClearUnsent();
        if (!outcome.IsClosedHere)
        {
            CloseAfterWrite(connection, "Write failed: " + outcome.Describe());
        }
    }

    // Under the send gate, after a drain caught up: its backlog may have grown the queue's buffers and the write buffer.
    private void ShrinkQueueBuffers()
    {
        if (_writing.Capacity > ShrinkAbove)
        {
            _writing = new ArrayBufferWriter<byte>(4096);
        }

        lock (_sync)
        {
            _pending.ShrinkIfEmpty(ShrinkAbove);
        }
    }

    private bool IsCurrent(ISessionConnection connection)
    {
        lock (_sync)
        {
            return ReferenceEquals(_connection, connection);
        }
    }

    // The timer's check while a drain runs. The connection is closed without a Logout (one could only queue behind the
    // bytes the counterparty is not taking) when the kept bytes made no progress for SlowConsumerTimeout seconds, or when
    // a disconnect was asked for and its time is up (LogoutTimeout after the request; at once for a timeout's).
    private void CloseIfDrainOverdue(DateTime now)
    {
        var draining = Volatile.Read(ref _unsentFor);
        if (draining is null)
        {
            return;
        }

        var reason = WhyCloseWhileDraining(draining, now);
        if (reason is null)
        {
            return;
        }

        _log.Warning(reason + "; disconnecting");
        draining.Disconnect();
        Disconnected(draining, reason);
    }

    private string? WhyCloseWhileDraining(ISessionConnection draining, DateTime now)
    {
        lock (_sync)
        {
            if (!ReferenceEquals(_connection, draining))
            {
                return null;
            }

            if (_disconnectRequested && now >= _disconnectDeadline)
            {
                return (_disconnectReason ?? "Disconnect requested") + " (what its socket had not taken was not written)";
            }

            // An estimate (the kept bytes are the drain's, read here without its gate), checked once a second: enough
            // to bound memory by about the limit plus a second's production.
            var waiting = (long)_pending.Length + _unsent.WrittenCount - _unsentOffset;
            var cap = _settings.MaxPendingBytes;
            if (cap > 0 && waiting > cap)
            {
                return $"Slow consumer: {waiting} bytes wait for its socket, more than {cap} (MaxPendingBytes)";
            }
        }

        var limit = _settings.SlowConsumerTimeout;
        return limit > 0 && StalledSeconds(now) >= limit
            ? $"Slow consumer: nothing it was sent was read for {limit} s (SlowConsumerTimeout)"
            : null;
    }

    // Seconds since the kept bytes last made progress; 0 when nothing is kept.
    private double StalledSeconds(DateTime now)
    {
        var since = Volatile.Read(ref _stalledSince);
        return since == 0 ? 0 : (now - new DateTime(since, DateTimeKind.Utc)).TotalSeconds;
    }
}
