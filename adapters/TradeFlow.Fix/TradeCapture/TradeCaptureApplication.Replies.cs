using TradeFlow.Fix.Session;

namespace TradeFlow.Fix.TradeCapture;

/// <summary>The reply thread: answers stored while the journal commits, then released, voided or sent as before.</summary>
public sealed partial class TradeCaptureApplication
{
    // Owned by the reply thread: the answers stored behind a gate, by token, until the engine's outcome settles them.
    // A command's Decided item is always queued before its Durable or Failed one (the engine decides before it
    // completes, and the queue is FIFO), so the reply thread sees them in that order.
    private readonly Dictionary<long, (OutboundGate Gate, CaptureAnswer Answer)> _gates = [];

    /// <summary>What a queued reply item is.</summary>
    private enum ReplyKind : byte
    {
        /// <summary>Refused before the engine: answer now.</summary>
        Refused,

        /// <summary>Decided, not yet durable: store the answer behind a gate.</summary>
        Decided,

        /// <summary>Durable: open the gate (or answer now when there is none).</summary>
        Durable,

        /// <summary>The engine failed it: void the gate, answer nothing.</summary>
        Failed,
    }

    // Everything waiting is queued before anything is flushed: the replies to one engine commit go out with one
    // fsync of each session's store and one socket write.
    private void WriteReplies()
    {
        var replies = new CaptureReplies();
        var batch = new List<PendingReply>(256);
        var touched = new List<SessionId>();
        while (_replies.TakeAll(ref batch))
        {
            foreach (var item in batch)
            {
                FixTrace.Since(FixTraceStage.ReplyWake, item.RepliedAt);
                if (Handle(replies, item) && !touched.Contains(item.Request.Session))
                {
                    touched.Add(item.Request.Session);
                }
            }

            FlushSessions(touched);
            foreach (var item in batch)
            {
                if (item.Kind is ReplyKind.Durable or ReplyKind.Refused)
                {
                    FixTrace.Since(FixTraceStage.Total, item.ReceivedAt);
                    FixTrace.Since(FixTraceStage.AfterDurable, item.RepliedAt);
                }
            }

            touched.Clear();
            batch.Clear();
        }
    }

    /// <summary>Acts on one item; true when its session has something to flush.</summary>
    private bool Handle(CaptureReplies replies, PendingReply item) => item.Kind switch
    {
        ReplyKind.Decided => QueueDecided(replies, item),
        ReplyKind.Durable => Confirm(replies, item),
        ReplyKind.Failed => VoidDecided(item),
        _ => QueueReply(replies, item),
    };

    // The answer is stored now, so that the flush that follows overlaps the journal's commit; it is sent only when
    // the gate opens. The hold stays: nothing is durable in the engine yet.
    private bool QueueDecided(CaptureReplies replies, PendingReply item)
    {
        var session = item.Request.Session;
        if (item.Request.Command is not { } command || !_outbox.SupportsConditional(session))
        {
            return false;
        }

        var gate = new OutboundGate(command.SourceKey);
        _gates[item.Token] = (gate, item.Answer);
        replies.Write(item.Request, item.Answer, _time.GetUtcNow().UtcDateTime, (msgType, body) =>
        {
            if (!_outbox.QueueConditional(session, msgType, body, gate))
            {
                LogNotSent(msgType, item.Request.ClientId, session);
            }
        });
        return true;
    }

    // Durable: the stored answer may go out (no second fsync). If it was voided meanwhile (an unconditional message,
    // a disconnect) or, defensively, if the durable outcome says something else, answer as before: store and send.
    private bool Confirm(CaptureReplies replies, PendingReply item)
    {
        if (_gates.Remove(item.Token, out var stored))
        {
            if (stored.Answer == item.Answer && _outbox.Open(item.Request.Session, stored.Gate))
            {
                ReleaseHold(item.Hold);
                return true;
            }

            _outbox.Void(item.Request.Session, stored.Gate);
        }

        return QueueReply(replies, item);
    }

    // The engine failed the command: the stored answer must never be sent (it becomes a gap fill); the hold stays.
    private bool VoidDecided(PendingReply item)
    {
        if (!_gates.Remove(item.Token, out var stored))
        {
            return false;
        }

        _outbox.Void(item.Request.Session, stored.Gate);
        return true;
    }

    private bool QueueReply(CaptureReplies replies, PendingReply item)
    {
        replies.Write(item.Request, item.Answer, _time.GetUtcNow().UtcDateTime, (msgType, body) =>
        {
            if (!_outbox.Queue(item.Request.Session, msgType, body))
            {
                LogNotSent(msgType, item.Request.ClientId, item.Request.Session);
            }
        });
        // Released once its answer is stored on the session: the flush makes both durable together.
        ReleaseHold(item.Hold);
        return true;
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

    /// <summary>An item for the reply thread, with the inbound number it holds.</summary>
    private readonly record struct PendingReply(ReplyKind Kind, long Token, CaptureRequest Request, CaptureAnswer Answer,
        InboundHold? Hold, long ReceivedAt, long RepliedAt);
}
