using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Session;

namespace TradeFlow.Fix.TradeCapture;

/// <summary>The reply thread: answers stored while the journal commits, then released, voided or sent as before.</summary>
public sealed partial class TradeCaptureApplication
{
    /// <summary>What a queued reply item is.</summary>
    private enum ReplyKind : byte
    {
        /// <summary>Refused before the engine: answer now.</summary>
        Refused,

        /// <summary>Durable: open the gate (or answer now when there is none).</summary>
        Durable,

        /// <summary>The engine failed it: void the gate, answer nothing.</summary>
        Failed,

        /// <summary>Durable and its gate opened already (on the publish thread), which could not write it: write it.</summary>
        Opened,
    }

    /// <summary>What a handled item leaves its session needing.</summary>
    private enum SessionWork : byte
    {
        /// <summary>Nothing to write.</summary>
        None,

        /// <summary>Something was stored: the store must flush before it can go out (the flush thread).</summary>
        Flush,

        /// <summary>An answer durable already was released: it goes out now, with no fsync (this thread).</summary>
        Send,
    }

    // Everything waiting is handled before anything is written: the replies to one engine commit go out with one
    // socket write per session. Answers released (their gate opened, durable already) are written here at once; what
    // was stored (answers to commands just decided, refusals) is handed to the flush thread, so that a release never
    // waits behind the fsync of the answers queued after it (measured: that wait was most of the gateway's share of
    // the tail, see docs/benchmarks.md).
    private void WriteReplies()
    {
        var replies = new CaptureReplies();
        var batch = new List<PendingReply>(256);
        var toSend = new List<SessionId>();
        var toFlush = new List<SessionId>();
        while (_replies.TakeAll(ref batch))
        {
            foreach (var item in batch)
            {
                FixTrace.Since(FixTraceStage.ReplyWake, item.RepliedAt);
                var work = Handle(replies, item);
                var sessions = work == SessionWork.Send ? toSend : toFlush;
                if (work != SessionWork.None && !sessions.Contains(item.Request.Session))
                {
                    sessions.Add(item.Request.Session);
                }
            }

            foreach (var session in toSend)
            {
                _outbox.SendDurable(session);
            }

            foreach (var session in toFlush)
            {
                _flushes.TryAdd(session);
            }

            RecordWritten(batch);
            toSend.Clear();
            toFlush.Clear();
            batch.Clear();
        }

        _flushes.Complete();
    }

    // Recorded when the reply thread is done with the order: for a released answer that is when it was written; an
    // answer whose own store flush was still running when it was released goes out a little later, with that flush.
    private static void RecordWritten(List<PendingReply> batch)
    {
        if (!FixTrace.Enabled)
        {
            return;
        }

        foreach (var item in batch)
        {
            if (item.Kind is ReplyKind.Durable or ReplyKind.Opened)
            {
                FixTrace.Since(FixTraceStage.Total, item.ReceivedAt);
                FixTrace.Since(FixTraceStage.AfterDurable, item.RepliedAt);
            }
        }
    }

    // The flush thread: makes each touched session's store durable (one fsync for everything stored since its last
    // flush) and writes what that released. Sessions touched together flush side by side.
    private void FlushStores()
    {
        var batch = new List<SessionId>(16);
        var touched = new List<SessionId>();
        while (_flushes.TakeAll(ref batch))
        {
            foreach (var session in batch)
            {
                if (!touched.Contains(session))
                {
                    touched.Add(session);
                }
            }

            FlushSessions(touched);
            touched.Clear();
            batch.Clear();
        }
    }

    /// <summary>Acts on one item; says what its session needs next.</summary>
    private SessionWork Handle(CaptureReplies replies, PendingReply item) => item.Kind switch
    {
        ReplyKind.Durable => Confirm(replies, item),
        ReplyKind.Failed => VoidDecided(item) ? SessionWork.Flush : SessionWork.None,
        ReplyKind.Opened => SessionWork.Send,
        _ => QueueReply(replies, item) ? SessionWork.Flush : SessionWork.None,
    };

    // On the journal thread (OnDecided): the answer is stamped and stored now, behind a gate, so that the store's flush
    // overlaps the journal's commit; it is sent only when the gate opens. The hold stays: nothing is durable in the
    // engine yet. Null when the session cannot hold a conditional answer (it is answered after durability instead).
    private OutboundGate? StoreDecided(CaptureRequest request, in CaptureAnswer answer)
    {
        var session = request.Session;
        if (request.Command is not { } command || !_outbox.SupportsConditional(session))
        {
            return null;
        }

        var gate = new OutboundGate(command.SourceKey);
        _decidedReplies.Write(request, answer, _time.GetUtcNow().UtcDateTime, new OutboxReplySink(this, request, gate));
        if (!_decidedSessions.Contains(session))
        {
            _decidedSessions.Add(session);
        }

        return gate;
    }

    // Durable: the stored answer may go out (no second fsync). If it was voided meanwhile (an unconditional message,
    // a disconnect) or, defensively, if the durable outcome says something else, answer as before: store and send.
    private SessionWork Confirm(CaptureReplies replies, PendingReply item)
    {
        if (item.Stored is { } gate)
        {
            if (item.StoredAnswer == item.Answer && _outbox.Open(item.Request.Session, gate))
            {
                ReleaseHold(item.Hold);
                return SessionWork.Send;
            }

            _outbox.Void(item.Request.Session, gate);
        }

        return QueueReply(replies, item) ? SessionWork.Flush : SessionWork.None;
    }

    // The engine failed the command: the stored answer must never be sent (it becomes a gap fill); the hold stays.
    private bool VoidDecided(PendingReply item)
    {
        if (item.Stored is not { } gate)
        {
            return false;
        }

        _outbox.Void(item.Request.Session, gate);
        return true;
    }

    private bool QueueReply(CaptureReplies replies, PendingReply item)
    {
        replies.Write(item.Request, item.Answer, _time.GetUtcNow().UtcDateTime, new OutboxReplySink(this, item.Request, null));
        // Released once its answer is stored on the session: the flush makes both durable together.
        ReleaseHold(item.Hold);
        return true;
    }

    /// <summary>
    /// Queues one encoded reply on its session: behind <paramref name="gate"/> when given (stored, not sent until the
    /// gate opens), else as a plain message. Called by <see cref="OutboxReplySink"/> on the reply thread.
    /// </summary>
    internal void QueueOnSession(CaptureRequest request, string msgType, FixFieldWriter body, OutboundGate? gate)
    {
        var queued = gate is null
            ? _outbox.Queue(request.Session, msgType, body)
            : _outbox.QueueConditional(request.Session, msgType, body, gate);
        if (!queued)
        {
            LogNotSent(msgType, request.ClientId, request.Session);
        }
    }

    // Each session's store is its own file: with several sessions in one batch their fsyncs run side by side
    // (the file system can fold them into one journal commit) instead of one after another.
    private void FlushSessions(List<SessionId> touched)
    {
        if (touched.Count == 1)
        {
            _outbox.Flush(touched[0]);
        }
        else if (touched.Count > 1)
        {
            Parallel.ForEach(touched, _outbox.Flush);
        }
    }

    /// <summary>
    /// An item for the reply thread, with the inbound number it holds and, for a decided command, the answer stored
    /// behind <see cref="Stored"/> on the journal thread (<see cref="StoredAnswer"/>).
    /// </summary>
    private readonly record struct PendingReply(ReplyKind Kind, long Token, CaptureRequest Request, CaptureAnswer Answer,
        InboundHold? Hold, long ReceivedAt, long RepliedAt)
    {
        public OutboundGate? Stored { get; init; }

        public CaptureAnswer StoredAnswer { get; init; }
    }
}
