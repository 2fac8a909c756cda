using System.Buffers;

namespace TradeFlow.Fix.Session;

/// <summary>
/// Socket writes: the blocking write (<see cref="WriteBatch"/>, under the send gate) and the write that never blocks
/// (<see cref="TrySendDurable"/>), which a thread that must not wait for a client — the engine's publish thread — uses.
/// </summary>
public sealed partial class FixSession
{
    // Bytes taken from the queue by a write that never blocks and not accepted by the socket: they precede everything
    // still queued, so the next blocking write sends them first (under the send gate, like _writing). Kept with the
    // connection they were taken for: a later connection gets them by resend, never as a stray tail.
    private readonly ArrayBufferWriter<byte> _unsent = new(1024);
    private ISessionConnection? _unsentFor;

    /// <summary>
    /// Writes what <see cref="SendDurable"/> would — queued, durable in the store, before the first closed gate — but
    /// only as far as that cannot block: the send gate must be free and the socket must accept the bytes now. Returns
    /// true when nothing that was sendable is left for a blocking writer (all of it accepted, or nothing to write).
    /// False when the caller must still have <see cref="SendDurable"/> called on a thread that may block: another
    /// thread is writing (what it did not take still waits), the transport cannot write without blocking (TLS), the
    /// session is not connected or is disconnecting, or the socket accepted only part (the rest is kept, in order,
    /// ahead of anything queued later), or a writer that may not wait (the timer) found the gate taken meanwhile and
    /// left what it queued to this one. Thread-safe; never waits for a lock held across socket I/O.
    /// </summary>
    public bool TrySendDurable()
    {
        if (_sync.IsHeldByCurrentThread || !_sendGate.TryEnter())
        {
            return false;
        }

        bool written;
        try
        {
            // The holder's side of the re-run protocol (Enter): cleared before the snapshot, read after the exit.
            Volatile.Write(ref _writeAgain, 0);
            written = TryWriteBatchNow();
        }
        finally
        {
            _sendGate.Exit();
        }

        return written && Volatile.Read(ref _writeAgain) == 0;
    }

    private bool TryWriteBatchNow()
    {
        ISessionConnection? connection;
        lock (_sync)
        {
            connection = _connection;
            if (connection is null || !connection.CanSendWithoutBlocking || _disconnectRequested
                || (_unsent.WrittenCount > 0 && ReferenceEquals(_unsentFor, connection)))
            {
                return false;
            }

            _ = _pending.TakeSendable(ref _writing, _log.Outgoing);
        }

        var taken = _writing.WrittenCount;
        if (taken == 0)
        {
            return true;
        }

        var sendAt = FixTrace.Now();
        var sent = connection.TrySendNow(_writing.WrittenSpan);
        FixTrace.Since(FixTraceStage.SocketWrite, sendAt);
        if (sent < taken)
        {
            _unsent.ResetWrittenCount();
            _unsent.Write(_writing.WrittenSpan[sent..]);
            _unsentFor = connection;
        }

        _writing.ResetWrittenCount();
        return sent == taken;
    }

    private void WriteBatch()
    {
        ISessionConnection? connection;
        bool disconnect;
        string? reason;
        lock (_sync)
        {
            // Everything before the first closed gate (OutboundGate) that is durable; conditional messages wait for
            // their condition, and a Logout not yet durable holds the disconnect back until its flush.
            var complete = _pending.TakeSendable(ref _writing, _log.Outgoing);
            connection = _connection;
            disconnect = _disconnectRequested && complete;
            reason = _disconnectReason;
            if (disconnect)
            {
                _disconnectRequested = false;
            }
        }

        if (connection is not null && SendBlocking(connection) is { } failure)
        {
            disconnect = true;
            reason = failure;
        }

        _writing.ResetWrittenCount();
        _unsent.ResetWrittenCount();
        _unsentFor = null;
        if (disconnect && connection is not null)
        {
            connection.Disconnect();
            Disconnected(connection, reason ?? "Disconnected");
        }
    }

    // What a write that never blocks left over goes first (it was taken from the queue before _writing was), unless it
    // was taken for an earlier connection. Null when written, else why the connection failed.
    private string? SendBlocking(ISessionConnection connection)
    {
        try
        {
            if (_unsent.WrittenCount > 0 && ReferenceEquals(_unsentFor, connection))
            {
                connection.Send(_unsent.WrittenSpan);
            }

            if (_writing.WrittenCount > 0)
            {
                var sendAt = FixTrace.Now();
                connection.Send(_writing.WrittenSpan);
                FixTrace.Since(FixTraceStage.SocketWrite, sendAt);
            }

            return null;
        }
        catch (IOException e)
        {
            return "Write failed: " + e.Message;
        }
    }
}
