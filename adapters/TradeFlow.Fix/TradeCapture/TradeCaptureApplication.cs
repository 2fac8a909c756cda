using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Engine;
using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Session;

namespace TradeFlow.Fix.TradeCapture;

/// <summary>
/// The trade-capture application on the FIX engine: maps AE, D, F, G and J to domain commands, submits them to
/// the <see cref="TradeEngine"/>, and answers each only once the engine says its events (or its rejection) are
/// durable. Idempotency is the engine's: a resent message (PossDupFlag/PossResend) whose key is known gets the
/// original outcome, and books nothing. A durable answer is released on the engine's publish thread, which writes it
/// only with a write that never blocks; every write that may block (and every fsync) is on the application's own threads
/// (a reply thread, and a store-flush thread so that a released answer never waits for the next answers' fsync), because
/// the publish thread, which reports every client's outcomes, must never wait on a session's store or socket.
/// </summary>
/// <remarks>
/// Inbound watermark: each message's sequence number is held (<see cref="IInboundHolds"/>) from FromApp until its
/// answer is queued on the session, so no FIX store flush persists the incoming number past a message the engine
/// has not journaled; the answer and the released number become durable in the same fsync. A request refused
/// before the engine is released as soon as its refusal is queued. A <see cref="CommandStatus.Failed"/> outcome
/// keeps its hold: nothing was journaled or answered, and the held number makes the next restart ask the
/// counterparty to resend the message, which is then booked (or answered from the journal if it was after all).
/// <para>
/// Overlapped fsyncs (<see cref="ICommandDecision"/>): once the engine has decided a command, before its journal commit,
/// the answer is stamped and stored on the session as a conditional message (<see cref="FixSession.QueueConditional"/>,
/// condition = the command's source key), so the FIX store's fsync runs while the journal's does. It reaches the socket
/// only once the engine reports the command durable (the gate opens; no second fsync); if the engine fails it instead,
/// it is voided and goes out as a SequenceReset-GapFill, never as itself. After a crash, an answer the store holds
/// unsettled is resendable only if its command is in the journal (<see cref="IsMet"/>, from the keys
/// <see cref="BookingIndexLoader"/> found); otherwise a resend gap-fills it. Where the session cannot queue conditional
/// messages (QuickFIX-layout store, PersistMessages=N), answers are stored and sent after durability, as before.
/// </para>
/// </remarks>
public sealed partial class TradeCaptureApplication : IApplication, ICommandCompletion, ICommandDecision, ICommandDecisionsWritten,
    ICommandCompletionsDelivered, IMessageConditions, IDisposable
{
    private readonly TradeEngine _engine;
    private readonly IReplyOutbox _outbox;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CaptureMapper _mapper;
    private readonly IInboundHolds? _holds;
    // A plain dictionary under a lock, not a ConcurrentDictionary: that allocated a node per order; this one reuses its
    // entries. Held for a lookup only (the reader adds, the engine's threads read and remove).
    private readonly Dictionary<long, InFlightCapture> _inFlight = [];
    private readonly Lock _inFlightLock = new();
    // The actor of a booking is its trader's id as text: one string per configured trader, not one per order.
    private readonly ConcurrentDictionary<TraderId, string> _traderNames = new();
    private readonly BatchQueue<PendingReply> _replies = new();
    private readonly Thread _replyThread;
    private readonly BatchQueue<SessionId> _flushes = new();
    // The journal thread's own (OnDecided, OnDecisionsWritten): its reply encoder, and the sessions that stored answers
    // since the journal's last write.
    private readonly CaptureReplies _decidedReplies = new();
    private readonly List<SessionId> _decidedSessions = [];
    private readonly Thread _flushThread;
    private long _nextToken;

    // For measuring the write-ahead's effect alone (docs/benchmarks.md, session 9): TRADEFLOW_FIX_WRITE_AHEAD=0 leaves
    // the store's bytes to its flush, as before session 9. Durability does not depend on it either way.
    private static readonly bool WritesAhead = Environment.GetEnvironmentVariable("TRADEFLOW_FIX_WRITE_AHEAD") != "0";

    /// <summary>
    /// An application booking into <paramref name="engine"/> and replying through <paramref name="outbox"/>; inbound
    /// numbers are held through <paramref name="holds"/>, or through the outbox when it is also an
    /// <see cref="IInboundHolds"/> (as <see cref="SessionRegistryOutbox"/> is), else not at all.
    /// </summary>
    public TradeCaptureApplication(TradeEngine engine, IReplyOutbox outbox, BookingIndex? bookings = null,
        TimeProvider? time = null, ILogger<TradeCaptureApplication>? logger = null, IInboundHolds? holds = null)
    {
        _engine = engine ?? throw new ArgumentNullException(nameof(engine));
        _outbox = outbox ?? throw new ArgumentNullException(nameof(outbox));
        _holds = holds ?? outbox as IInboundHolds;
        _time = time ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        Bookings = bookings ?? new BookingIndex();
        _mapper = new CaptureMapper(Bookings);
        // Names distinct in their first 15 characters: Linux keeps only those, and per-thread tools (top -H, perf,
        // /proc/PID/task) show them, so each thread's CPU and fsyncs can be told apart.
        _replyThread = new Thread(WriteReplies) { IsBackground = true, Name = "fix-replies" };
        _flushThread = new Thread(FlushStores) { IsBackground = true, Name = "fix-store-flush" };
        _replyThread.Start();
        _flushThread.Start();
    }

    /// <summary>Which trade each client id names (load it with <see cref="BookingIndexLoader"/> before accepting sessions).</summary>
    public BookingIndex Bookings { get; }

    /// <inheritdoc/>
    public void FromApp(FixMessage message, SessionId sessionId)
    {
        ArgumentNullException.ThrowIfNull(message);
        var receivedAt = FixTrace.Now();
        var request = message.MsgTypeString switch
        {
            MsgTypes.TradeCaptureReport => _mapper.MapTradeCaptureReport(message, sessionId),
            MsgTypes.NewOrderSingle => CaptureMapper.MapNewOrderSingle(message, sessionId),
            MsgTypes.OrderCancelRequest => _mapper.MapCancel(message, sessionId),
            MsgTypes.OrderCancelReplaceRequest => _mapper.MapReplace(message, sessionId),
            MsgTypes.AllocationInstruction => _mapper.MapAllocation(message, sessionId),
            _ => throw new UnsupportedMessageTypeException(message.MsgTypeString),
        };
        // Held before anything is queued anywhere: a flush from another thread must never persist past it.
        var hold = _holds?.Hold(sessionId, message.MsgSeqNum);
        if (request.Command is not { } command)
        {
            LogRefused(request.MsgType, request.ClientId, request.Rejection.Text);
            Reply(request, CaptureAnswer.From(request.Rejection), hold, receivedAt);
            return;
        }

        var token = Interlocked.Increment(ref _nextToken);
        lock (_inFlightLock)
        {
            _inFlight[token] = new InFlightCapture(request, hold, receivedAt);
        }

        try
        {
            // Blocks while the engine's ring is full: the session stops reading its socket, and TCP carries the
            // back-pressure to the trader.
            _engine.Submit(new EngineCommand(command, Source(sessionId, message), Actor(command, sessionId)), this, token);
            FixTrace.Since(FixTraceStage.Submit, receivedAt);
        }
        catch
        {
            // The session does not consume the number and the message comes again: this hold must not pin the floor.
            RemoveInFlight(token, out _);
            ReleaseHold(hold);
            throw;
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// On the engine's journal thread, before the group commit: the answer is stamped and stored behind a gate right
    /// here (no hand-off to another thread), so that it reaches the store's file before the journal's fsync
    /// (<see cref="OnDecisionsWritten"/>). The gate travels with the in-flight capture to the durable outcome.
    /// </remarks>
    public void OnDecided(long token, in CommandOutcome outcome)
    {
        bool found;
        InFlightCapture capture;
        lock (_inFlightLock)
        {
            found = _inFlight.TryGetValue(token, out capture);
        }

        if (!found)
        {
            return;
        }

        FixTrace.Since(FixTraceStage.Decided, capture.ReceivedAt);
        var answer = CaptureAnswer.From(outcome);
        if (StoreDecided(capture.Request, answer) is not { } gate)
        {
            return;
        }

        lock (_inFlightLock)
        {
            // The completion comes after this (the engine decides before it completes), so the entry is still here.
            _inFlight[token] = capture with { Gate = gate, Decided = answer };
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// On the journal thread, after the journal's write and before its fsync: each session that stored answers hands
    /// them to its store's file now (no fsync), and the store-flush thread is woken to make them durable. The file
    /// system's commit that the journal's fsync starts then carries the store's bytes too, and the store's own fsync
    /// finds them committed, instead of a second commit that the journal's next fsync would queue behind.
    /// </remarks>
    public void OnDecisionsWritten()
    {
        foreach (var session in _decidedSessions)
        {
            if (WritesAhead)
            {
                _outbox.WriteAhead(session);
            }

            _flushes.TryAdd(session);
        }

        _decidedSessions.Clear();
    }

    /// <inheritdoc/>
    public void OnCompleted(long token, in CommandOutcome outcome)
    {
        if (!RemoveInFlight(token, out var capture))
        {
            return;
        }

        var request = capture.Request;
        FixTrace.Since(FixTraceStage.Engine, capture.ReceivedAt);
        if (outcome.Status == CommandStatus.Failed)
        {
            // Not durable, so not acknowledged either way (an answer stored while deciding is voided), and its number
            // stays held: the restart asks for it again and the client's resend is answered once the engine recovers.
            LogFailed(request.MsgType, request.ClientId, outcome.Error);
            Enqueue(new PendingReply(ReplyKind.Failed, token, request, default, capture.Hold, capture.ReceivedAt, FixTrace.Now())
            {
                Stored = capture.Gate,
            });
            return;
        }

        if (outcome.IsAccepted && outcome.TradeId != default)
        {
            Bookings.Record(request.Session.TargetCompID, request.MsgType, request.ClientId, outcome.TradeId);
        }

        var durable = new PendingReply(ReplyKind.Durable, token, request, CaptureAnswer.From(outcome), capture.Hold, capture.ReceivedAt, FixTrace.Now())
        {
            Stored = capture.Gate,
            StoredAnswer = capture.Decided,
        };
        if (!OpenDelivered(durable))
        {
            Enqueue(durable);
        }
    }

    /// <inheritdoc/>
    public bool IsMet(SessionId sessionId, string condition) => Bookings.IsJournaled(condition);

    /// <inheritdoc/>
    public void OnCreate(SessionId sessionId)
    {
    }

    /// <inheritdoc/>
    public void OnLogon(SessionId sessionId) => LogLogon(sessionId);

    /// <inheritdoc/>
    public void OnLogout(SessionId sessionId) => LogLogout(sessionId);

    /// <inheritdoc/>
    public void ToAdmin(FixMessage message, SessionId sessionId)
    {
    }

    /// <inheritdoc/>
    public void FromAdmin(FixMessage message, SessionId sessionId)
    {
    }

    /// <inheritdoc/>
    public void ToApp(FixMessage message, SessionId sessionId)
    {
    }

    /// <summary>Stops the reply and store-flush threads once every queued reply is sent.</summary>
    public void Dispose()
    {
        _replies.Complete();
        _replyThread.Join(TimeSpan.FromSeconds(30));
        // The reply thread completes the flush queue when it ends; the flush thread drains it, then stops.
        _flushes.Complete();
        _flushThread.Join(TimeSpan.FromSeconds(30));
    }

    private void Reply(CaptureRequest request, CaptureAnswer answer, InboundHold? hold, long receivedAt) =>
        Enqueue(new PendingReply(ReplyKind.Refused, 0, request, answer, hold, receivedAt, FixTrace.Now()));

    private void Enqueue(PendingReply reply)
    {
        if (!_replies.TryAdd(reply))
        {
            // Disposed: nobody will answer it, so the number stays held and a restart asks for it again.
            LogNotSent("reply", reply.Request.ClientId, reply.Request.Session);
        }
    }

    private bool RemoveInFlight(long token, out InFlightCapture capture)
    {
        lock (_inFlightLock)
        {
            return _inFlight.Remove(token, out capture);
        }
    }

    private void ReleaseHold(InboundHold? hold)
    {
        if (hold is { } held)
        {
            _holds?.Release(held);
        }
    }

    // The audit trail shows where each command came from: the FIX session and the message's sequence number.
    private static string Source(SessionId session, FixMessage message) =>
        $"FIX {session.TargetCompID}->{session.SenderCompID} {message.MsgTypeString} MsgSeqNum={message.MsgSeqNum}";

    private string Actor(TradeCommand command, SessionId session) => command switch
    {
        BookTrade book => TraderName(book.Terms.Trader),
        AmendTrade amend => TraderName(amend.Terms.Trader),
        _ => session.TargetCompID,
    };

    private string TraderName(TraderId trader) => _traderNames.GetOrAdd(trader, static t => t.ToString());

    /// <summary>
    /// A capture submitted to the engine, with the inbound number it holds and, once decided, the answer stored behind
    /// <see cref="Gate"/> (null when none was stored).
    /// </summary>
    private readonly record struct InFlightCapture(CaptureRequest Request, InboundHold? Hold, long ReceivedAt)
    {
        public OutboundGate? Gate { get; init; }

        public CaptureAnswer Decided { get; init; }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{MsgType} {ClientId} refused before the engine: {Text}")]
    private partial void LogRefused(string msgType, string clientId, string text);

    [LoggerMessage(Level = LogLevel.Error, Message = "{MsgType} {ClientId} failed in the engine and is not acknowledged: {Error}")]
    private partial void LogFailed(string msgType, string clientId, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reply {MsgType} to {ClientId} could not be queued on {Session}")]
    private partial void LogNotSent(string msgType, string clientId, SessionId session);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trade capture session {Session} logged on")]
    private partial void LogLogon(SessionId session);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trade capture session {Session} logged out")]
    private partial void LogLogout(SessionId session);
}
