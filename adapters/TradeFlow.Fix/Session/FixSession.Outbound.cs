using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using TradeFlow.Fix.Codec;

namespace TradeFlow.Fix.Session;

/// <summary>Outbound: stamping, storing and the durable write path.</summary>
public sealed partial class FixSession
{
    private static readonly ConcurrentDictionary<string, byte[]> MsgTypeBytes = new(StringComparer.Ordinal);
    // Store flushes (the fsync) and socket writes are serialised separately, so that an answer already durable (its
    // gate just opened) goes out while the fsync of the answers queued after it is still running (SendDurable).
    private readonly Lock _flushGate = new();
    private readonly Lock _sendGate = new();

    // Set by a caller that may not wait (the timer) and found the flush or send gate taken: the holder runs once more.
    private int _flushAgain;
    private int _writeAgain;
    private readonly ArrayBufferWriter<byte> _encodeBuffer = new(4096);
    private ArrayBufferWriter<byte> _writing = new(4096);
    private bool _disconnectRequested;
    // When a requested disconnect no longer waits for a drain (RequestDisconnect).
    private DateTime _disconnectDeadline;

    // Set when an outbound message was stamped since the last store flush. An inbound message alone (only the
    // incoming sequence number moved) does not need its own fsync: that number becomes durable with the next
    // outbound message's, as the durability policy says, so a stream of inbound orders is not one fsync each.
    private bool _storedSinceFlush;

    // Messages stamped so far (under the lock): with the queue's position, tells the reader whether processing an
    // inbound message produced anything to flush.
    private long _commits;

    /// <summary>
    /// Stamps (MsgSeqNum, SendingTime, CompIDs), stores and sends a message whose body (fields after the standard
    /// header) is <paramref name="body"/>. Thread-safe. When the session is not logged on the message is still
    /// stamped and stored, and reaches the counterparty by resend after its next Logon (QuickFIX with
    /// PersistMessages=Y). Returns false when <see cref="IApplication.ToApp"/> refused it.
    /// </summary>
    public bool Send(string msgType, FixFieldWriter body)
    {
        var sent = Queue(msgType, body);
        FlushOutbound();
        return sent;
    }

    /// <summary>
    /// Stamps and queues a message like <see cref="Send"/>, without writing it yet: a sender with several replies
    /// queues them all and calls <see cref="Flush"/> once, so they share one fsync of the store (group commit)
    /// and one socket write. Thread-safe. Returns false when <see cref="IApplication.ToApp"/> refused it.
    /// </summary>
    public bool Queue(string msgType, FixFieldWriter body)
    {
        ArgumentNullException.ThrowIfNull(msgType);
        ArgumentNullException.ThrowIfNull(body);
        lock (_sync)
        {
            return MsgTypes.IsAdmin(TypeBytes(msgType)) ? SendAdmin(msgType, body.Written) : SendApp(msgType, body.Written);
        }
    }

    /// <summary>Makes everything queued durable in the store (one fsync), then writes it to the socket.</summary>
    public void Flush() => FlushOutbound();

    /// <summary>
    /// Writes what is queued, not behind a closed gate, and already durable in the store — typically answers whose gate
    /// was just opened (<see cref="Open"/>) — without a store flush and without waiting for one under way: what is not
    /// durable yet goes out with the flush that makes it so (<see cref="Flush"/>). Thread-safe.
    /// </summary>
    public void SendDurable()
    {
        if (!_sync.IsHeldByCurrentThread)
        {
            WriteDurable(wait: true);
        }
    }

    /// <summary>
    /// Hands what was stored since the last flush to the store's file now (<see cref="Store.IMessageStore.WriteAhead(int)"/>), without
    /// an fsync: nothing becomes sendable; the next <see cref="Flush"/> still makes it durable before anything goes out.
    /// Called by an application on the engine's journal thread just before the journal's fsync, so that the file
    /// system's commit that fsync makes carries the store's bytes too. Thread-safe; never waits for a flush under way.
    /// </summary>
    public void WriteAhead()
    {
        int targetFloor;
        lock (_sync)
        {
            if (!_storedSinceFlush)
            {
                return;
            }

            targetFloor = DurableTargetFloor();
        }

        _store.WriteAhead(targetFloor);
    }

    private static byte[] TypeBytes(string msgType) => MsgTypeBytes.GetOrAdd(msgType, static t => Encoding.ASCII.GetBytes(t));

    private bool SendApp(string msgType, ReadOnlySpan<byte> body, OutboundGate? gate = null)
    {
        var seq = _store.NextSenderMsgSeqNum;
        var message = Stamp(msgType, body, new FixHeader(SessionId.BeginString, SessionId.SenderCompID, SessionId.TargetCompID, seq, Now));
        try
        {
            _application.ToApp(_outboundView, SessionId);
        }
        catch (DoNotSendException)
        {
            return false;
        }

        Commit(seq, message, transmit: LoggedOn, gate);
        return true;
    }

    private bool SendAdmin(string msgType, ReadOnlySpan<byte> body)
    {
        var seq = _store.NextSenderMsgSeqNum;
        var message = Stamp(msgType, body, new FixHeader(SessionId.BeginString, SessionId.SenderCompID, SessionId.TargetCompID, seq, Now));
        _application.ToAdmin(_outboundView, SessionId);
        Commit(seq, message, transmit: _connection is not null);
        return true;
    }

    /// <summary>Sends the admin message built in <see cref="_adminBody"/>.</summary>
    private void SendAdmin(string msgType) => SendAdmin(msgType, _adminBody.Written);

    /// <summary>Encodes into the encode buffer and parses the result into the outbound view for the callbacks.</summary>
    private ReadOnlySpan<byte> Stamp(string msgType, ReadOnlySpan<byte> body, in FixHeader header)
    {
        _encodeBuffer.ResetWrittenCount();
        FixEncoder.Encode(_encodeBuffer, header, TypeBytes(msgType), body);
        _ = FixParser.TryParse(_encodeBuffer.WrittenSpan, _outboundView, out _, out _);
        return _encodeBuffer.WrittenSpan;
    }

    private void Commit(int seq, ReadOnlySpan<byte> message, bool transmit, OutboundGate? gate = null)
    {
        if (gate is not null)
        {
            _store.SetConditional(seq, message, gate.Condition);
            gate.Add(seq);
        }
        else if (_settings.PersistMessages)
        {
            _store.Set(seq, message);
        }

        _store.IncrNextSenderMsgSeqNum();
        _storedSinceFlush = true;
        _commits++;
        if (!transmit)
        {
            return;
        }

        if (gate is null)
        {
            Transmit(message);
        }
        else
        {
            // Logged as outgoing when its gate opens: the message log shows only what may reach the counterparty.
            _pending.AppendGated(message, seq, gate);
            _lastSent = Now;
        }
    }

    /// <summary>
    /// Queues bytes for the next flush (no store, no sequence number: resends and gap fills use this directly). A
    /// message that is not conditional must not wait behind a closed gate (a heartbeat behind a stalled engine would
    /// get the session disconnected), so every closed gate is voided first: its messages become gap fills.
    /// </summary>
    private void Transmit(ReadOnlySpan<byte> message)
    {
        if (_closedGates.Count > 0)
        {
            VoidClosedGates();
        }

        _pending.Append(message);
        _lastSent = Now;
        _log.Outgoing(message);
    }

    /// <summary>
    /// Asks for the connection to be closed once what is queued has been written. When the counterparty's socket is not
    /// taking it (a drain runs), the close waits at most LogoutTimeout seconds — or not at all when
    /// <paramref name="waitForWrites"/> is false: a timeout's disconnect needs none of those bytes to get out.
    /// </summary>
    private void RequestDisconnect(string reason, bool waitForWrites = true)
    {
        if (!_disconnectRequested)
        {
            _disconnectDeadline = waitForWrites ? Now.AddSeconds(_settings.LogoutTimeout) : Now;
        }

        _disconnectRequested = true;
        _disconnectReason ??= reason;
    }

    /// <summary>
    /// Makes everything queued durable (one fsync for the whole batch — messages other threads queue meanwhile ride the
    /// next one), then writes what is sendable. Never called with the session lock held (that would invert the lock
    /// order); a call from inside the lock is left to the outer caller.
    /// </summary>
    private void FlushOutbound(bool wait = true)
    {
        if (_sync.IsHeldByCurrentThread)
        {
            return;
        }

        // The timer must not stall behind a flush or a counterparty that stopped reading: when another flush is under
        // way, what the timer queued goes out with it or, if its snapshot was already taken, with the round its holder
        // runs again for it (RunAgain) — not a tick later, or never when no tick follows.
        do
        {
            if (!Enter(_flushGate, ref _flushAgain, wait))
            {
                return;
            }

            try
            {
                MakeQueuedDurable();
            }
            finally
            {
                _flushGate.Exit();
            }

            WriteDurable(wait);
            wait = false;
        }
        while (Volatile.Read(ref _flushAgain) != 0);
    }

    // Takes a gate, waiting for it when asked. A caller that may not wait first asks for another round, then tries:
    // finding the gate taken, it leaves its work to the holder, which clears the request on entering (before its
    // snapshot) and runs once more after leaving if a request came after that. So no request is lost between one
    // holder's snapshot and its exit.
    private static bool Enter(Lock gate, ref int runAgain, bool wait)
    {
        if (wait)
        {
            gate.Enter();
        }
        else
        {
            Interlocked.Exchange(ref runAgain, 1);
            if (!gate.TryEnter())
            {
                return false;
            }
        }

        Volatile.Write(ref runAgain, 0);
        return true;
    }

    // Everything queued before the snapshot is durable once the store's flush returns (or at once when nothing was
    // stored since the last flush, which completed before this one could begin: flushes are serialised).
    private void MakeQueuedDurable()
    {
        bool flush;
        int targetFloor;
        long end;
        int generation;
        lock (_sync)
        {
            flush = _storedSinceFlush || _disconnectRequested;
            _storedSinceFlush = false;
            targetFloor = DurableTargetFloor();
            end = _pending.End;
            generation = _pending.Generation;
        }

        if (flush)
        {
            FlushStore(targetFloor);
        }

        lock (_sync)
        {
            _pending.MarkDurable(end, generation);
        }
    }

    /// <summary>
    /// The only way bytes reach the socket: takes what is durable and sendable, in queue order, writes it, then
    /// disconnects if that was asked for and nothing sendable is left waiting for durability.
    /// </summary>
    private void WriteDurable(bool wait)
    {
        do
        {
            if (!Enter(_sendGate, ref _writeAgain, wait))
            {
                return;
            }

            try
            {
                WriteBatch();
            }
            finally
            {
                _sendGate.Exit();
            }

            wait = false;
        }
        while (Volatile.Read(ref _writeAgain) != 0);
    }

    // Inbound numbers the application still holds are not persisted as processed (FixSession.Holds). A failed flush
    // keeps the store marked dirty and marks nothing durable: nothing it covered is written, the next flush retries.
    private void FlushStore(int targetFloor)
    {
        var flushAt = FixTrace.Now();
        try
        {
            _store.Flush(targetFloor);
        }
        catch
        {
            lock (_sync)
            {
                _storedSinceFlush = true;
            }

            throw;
        }

        FixTrace.Since(FixTraceStage.StoreFlush, flushAt);
    }

    /// <summary>The transport lost (or closed) <paramref name="connection"/>: forget the logon state.</summary>
    internal void Disconnected(ISessionConnection connection, string reason)
    {
        var wasLoggedOn = false;
        lock (_sync)
        {
            if (!ReferenceEquals(_connection, connection))
            {
                return;
            }

            wasLoggedOn = _loggedOnNotified;
            _connection = null;
            _loggedOnNotified = false;
            _receivedLogon = _sentLogon = _sentLogout = false;
            _queue.Clear();
            _resendRange = default;
            // Queued conditional messages will not be written now: void them, so their sender answers another way.
            VoidClosedGates();
            _pending.Clear();
            _log.Event($"Disconnected: {reason}");
            if (_settings.ResetOnDisconnect)
            {
                ResetStore(Now);
            }

            _store.Flush(DurableTargetFloor());
        }

        if (wasLoggedOn)
        {
            _application.OnLogout(SessionId);
            RaiseLoggedOnChanged();
        }
    }

    /// <summary>Closes the current connection now (acceptor stopping), without a handshake.</summary>
    internal void CloseConnection(string reason)
    {
        ISessionConnection? connection;
        lock (_sync)
        {
            connection = _connection;
        }

        if (connection is not null)
        {
            connection.Disconnect();
            Disconnected(connection, reason);
        }
    }
}
