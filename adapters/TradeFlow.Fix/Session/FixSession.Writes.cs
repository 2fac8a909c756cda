using System.Buffers;

namespace TradeFlow.Fix.Session;

/// <summary>
/// Socket writes. On a transport that can write without blocking (plain TCP on Linux) no thread that writes for the
/// session ever waits for its counterparty: what the socket does not accept is kept, in order, for the session's own
/// drain (FixSession.Drain), which waits for this socket alone. TLS writes block (<see cref="SendBlocking"/>).
/// </summary>
public sealed partial class FixSession
{
    // Bytes taken from the queue and not yet accepted by the socket, from _unsentOffset on: they precede everything
    // still queued, so only the drain of _unsentFor writes until they are gone (under the send gate). Kept with the
    // connection they were taken for: a later connection gets them by resend, never as a stray tail (KeepUnsent
    // starts afresh for another connection; a drain whose connection is gone clears them).
    private ArrayBufferWriter<byte> _unsent = new(1024);
    private int _unsentOffset;
    private ISessionConnection? _unsentFor;

    /// <summary>
    /// Writes what <see cref="SendDurable"/> would — queued, durable in the store, before the first closed gate — but
    /// only as far as that cannot block: the send gate must be free. Returns true when nothing that was sendable is
    /// left for another writer: all of it accepted, nothing to write, or the rest kept for the session's own drain
    /// (a counterparty that is not reading). False when the caller must still have <see cref="SendDurable"/> called:
    /// another thread is writing (what it did not take still waits), the transport cannot write without blocking
    /// (TLS), the session is not connected or is disconnecting, or a writer that may not wait (the timer) found the
    /// gate taken meanwhile and left what it queued to this one. Thread-safe; never waits for a lock held across socket I/O.
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
            if (connection is null || !connection.CanSendWithoutBlocking || _disconnectRequested)
            {
                return false;
            }

            if (ReferenceEquals(_unsentFor, connection))
            {
                // Its drain takes everything sendable before it ends (checked under the send gate we hold).
                return true;
            }

            _ = _pending.TakeSendable(ref _writing, _log.Outgoing);
        }

        // A failed write is kept for a drain, which fails again with the errno and disconnects: the disconnect (a store
        // flush, the application's OnLogout) then runs off this shared thread. A connection we closed ourselves is left
        // to whoever closed it, who reports why.
        var outcome = SendWithoutBlocking(connection, _writing.WrittenSpan);
        if (outcome.IsFailure && !outcome.IsClosedHere)
        {
            KeepUnsent(connection, _writing.WrittenSpan);
        }

        _writing.ResetWrittenCount();
        return true;
    }

    private void WriteBatch()
    {
        ISessionConnection? connection;
        bool disconnect;
        string? reason;
        lock (_sync)
        {
            connection = _connection;
            if (connection is not null && ReferenceEquals(_unsentFor, connection))
            {
                return; // its drain writes what is sendable, and disconnects if asked, once the socket takes more
            }

            // Everything before the first closed gate (OutboundGate) that is durable; conditional messages wait for
            // their condition, and a Logout not yet durable holds the disconnect back until its flush.
            var complete = _pending.TakeSendable(ref _writing, _log.Outgoing);
            disconnect = _disconnectRequested && complete;
            reason = _disconnectReason;
        }

        var failure = connection is null ? null : Write(connection, _writing.WrittenSpan);
        _writing.ResetWrittenCount();
        if (connection is null)
        {
            return;
        }

        if (failure is not null)
        {
            CloseAfterWrite(connection, failure);
        }
        else if (disconnect && !ReferenceEquals(_unsentFor, connection))
        {
            // Not while bytes wait for the drain: it disconnects once they are written (a Logout must get out first).
            CloseAfterWrite(connection, reason);
        }
    }

    private void CloseAfterWrite(ISessionConnection connection, string? reason)
    {
        lock (_sync)
        {
            _disconnectRequested = false;
        }

        connection.Disconnect();
        Disconnected(connection, reason ?? "Disconnected");
    }

    // Null when written (or kept for the drain, or the connection was closed here: its closer reports why), else why
    // the connection failed.
    private string? Write(ISessionConnection connection, ReadOnlySpan<byte> data)
    {
        if (!connection.CanSendWithoutBlocking)
        {
            return SendBlocking(connection, data);
        }

        var outcome = SendWithoutBlocking(connection, data);
        return outcome.IsFailure && !outcome.IsClosedHere ? "Write failed: " + outcome.Describe() : null;
    }

    // Writes what the socket accepts now and keeps the rest for the drain (started here). Under the send gate.
    private SendOutcome SendWithoutBlocking(ISessionConnection connection, ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return SendOutcome.Accepted(0);
        }

        var sendAt = FixTrace.Now();
        var outcome = connection.TrySendNow(data);
        FixTrace.Since(FixTraceStage.SocketWrite, sendAt);
        if (!outcome.IsFailure && outcome.Bytes < data.Length)
        {
            KeepUnsent(connection, data[outcome.Bytes..]);
        }

        return outcome;
    }

    private static string? SendBlocking(ISessionConnection connection, ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return null;
        }

        try
        {
            var sendAt = FixTrace.Now();
            connection.Send(data);
            FixTrace.Since(FixTraceStage.SocketWrite, sendAt);
            return null;
        }
        catch (IOException e)
        {
            return "Write failed: " + e.Message;
        }
    }
}
