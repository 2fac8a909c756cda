using System.Buffers;

namespace TradeFlow.Fix.Session;

/// <summary>
/// A counterparty that stops reading (session 11): what its socket does not accept waits on a thread of this session
/// alone — the drain, started when a write leaves bytes behind and ended when they are all written — so no shared
/// thread (the engine's publish thread, the gateway's reply and store-flush threads, the timer) ever waits for it.
/// A counterparty that takes nothing for SlowConsumerTimeout seconds is disconnected; its messages stay in the store
/// and reach it by resend after its next Logon.
/// </summary>
public sealed partial class FixSession
{
    // How long the drain waits for the socket before it looks again whether the session moved on (a bound, not a clock
    // anything depends on: a close wakes the wait at once).
    private static readonly TimeSpan DrainWait = TimeSpan.FromSeconds(1);

    // When the kept bytes last made progress (UTC ticks of the session's clock), 0 when nothing is kept.
    private long _stalledSince;

    // Under the send gate: the bytes the socket did not take go first, and the drain starts if none runs for it.
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
        new Thread(() => Drain(connection)) { IsBackground = true, Name = "fix-drain " + SessionId.TargetCompID }.Start();
    }

    private void ClearUnsent()
    {
        _unsent.ResetWrittenCount();
        _unsentOffset = 0;
        Volatile.Write(ref _unsentFor, null);
        Volatile.Write(ref _stalledSince, 0);
    }

    // Waits for this socket alone; every write it makes never blocks, so it holds the send gate only briefly.
    private void Drain(ISessionConnection connection)
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
    }

    private bool StillDraining(ISessionConnection connection)
    {
        if (ReferenceEquals(_unsentFor, connection) && IsCurrent(connection))
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
            ClearUnsent();
            CloseAfterWrite(connection, "Write failed: " + outcome.Describe());
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
            ClearUnsent();
            CloseAfterWrite(connection, "Write failed: " + outcome.Describe());
            return true;
        }

        if (_unsent.WrittenCount > 0)
        {
            return false;
        }

        ClearUnsent();
        _log.Event("Counterparty reading again: everything kept was written");
        if (disconnect)
        {
            CloseAfterWrite(connection, reason);
        }

        return true;
    }

    private bool IsCurrent(ISessionConnection connection)
    {
        lock (_sync)
        {
            return ReferenceEquals(_connection, connection);
        }
    }

    // The timer's check: the kept bytes made no progress for SlowConsumerTimeout seconds. The connection is closed
    // without a Logout — one could only queue behind the bytes the counterparty is not taking.
    private void CloseIfStalled(DateTime now)
    {
        var since = Volatile.Read(ref _stalledSince);
        var stalled = Volatile.Read(ref _unsentFor);
        var limit = _settings.SlowConsumerTimeout;
        if (since == 0 || stalled is null || limit <= 0 || (now - new DateTime(since, DateTimeKind.Utc)).TotalSeconds < limit
            || !IsCurrent(stalled))
        {
            return;
        }

        var reason = $"Slow consumer: nothing it was sent was read for {limit} s (SlowConsumerTimeout)";
        _log.Warning(reason + "; disconnecting");
        stalled.Disconnect();
        Disconnected(stalled, reason);
    }
}
