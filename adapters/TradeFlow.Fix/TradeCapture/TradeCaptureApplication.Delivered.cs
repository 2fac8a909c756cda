using TradeFlow.Engine;
using TradeFlow.Fix.Session;

namespace TradeFlow.Fix.TradeCapture;

/// <summary>
/// The publish thread's part (session 10): a durable answer stored behind its gate is released where the engine
/// reports it durable, and written to the socket there when that cannot block — no wake-up of the reply thread.
/// </summary>
/// <remarks>
/// Until session 9 every durable outcome went to the reply thread, which opened the gate and wrote: a second thread
/// wake-up after the journal's fsync (journal → publish stage → reply thread → socket), each woken thread often waiting
/// for a core on this 2-core machine. Now the publish thread opens the gate in <see cref="ICommandCompletion.OnCompleted"/>
/// and, once the publish stage's batch is delivered (<see cref="OnCompletionsDelivered"/>), writes each touched
/// session's sendable bytes with a write that never blocks (<see cref="FixSession.TrySendDurable"/>: the send gate
/// taken only if free, a non-blocking <c>send</c>). What it cannot write — another thread is writing, the socket is
/// full (a client that stopped reading), TLS, a disconnect under way — is handed to the reply thread as before, which
/// may block on that client without holding up the engine. The invariant is unchanged: only bytes durable in the FIX
/// store and before the first closed gate are ever taken for the socket, in MsgSeqNum order; an answer whose store
/// flush is still running goes out with that flush, from the flush thread, as before.
/// </remarks>
public sealed partial class TradeCaptureApplication
{
    // The publish thread's own: answers it opened in the current publish batch, and the sessions that must be written.
    private readonly List<PendingReply> _opened = [];
    private readonly List<SessionId> _openedSessions = [];
    private readonly List<SessionId> _handedOn = [];

    /// <inheritdoc/>
    /// <remarks>
    /// On the engine's publish thread, after the batch's last completion: each session whose answers were opened in it
    /// is written now if that cannot block; the answers of a session that could not be are handed to the reply thread,
    /// which writes them (and may wait for that client) as before.
    /// </remarks>
    public void OnCompletionsDelivered()
    {
        if (_opened.Count == 0)
        {
            return;
        }

        var tried = 0;
        try
        {
            for (; tried < _openedSessions.Count; tried++)
            {
                if (!_outbox.TrySendDurable(_openedSessions[tried]))
                {
                    _handedOn.Add(_openedSessions[tried]);
                }
            }
        }
        finally
        {
            // Whatever happened (a session's message log failing throws here), every opened answer leaves these lists:
            // the session that threw and those not tried go to the reply thread, whose write takes what is still queued.
            for (var i = tried; i < _openedSessions.Count; i++)
            {
                _handedOn.Add(_openedSessions[i]);
            }

            HandOnUnwritten();
        }
    }

    private void HandOnUnwritten()
    {
        foreach (var item in _opened)
        {
            if (_handedOn.Contains(item.Request.Session))
            {
                Enqueue(item with { Kind = ReplyKind.Opened });
            }
            else if (FixTrace.Enabled)
            {
                FixTrace.Since(FixTraceStage.Total, item.ReceivedAt);
                FixTrace.Since(FixTraceStage.AfterDurable, item.RepliedAt);
            }
        }

        _opened.Clear();
        _openedSessions.Clear();
        _handedOn.Clear();
    }

    // On the publish thread: a durable answer stored behind its gate is released here (its hold with it: the answer is
    // durable in the store, so the advanced inbound number may be too). False when it must go to the reply thread:
    // nothing was stored, the durable outcome differs from the one decided, or the gate was voided meanwhile (the
    // reply thread then answers afresh, as before).
    private bool OpenDelivered(in PendingReply durable)
    {
        if (durable.Stored is not { } gate || durable.StoredAnswer != durable.Answer)
        {
            return false;
        }

        var session = durable.Request.Session;
        if (!_outbox.Open(session, gate))
        {
            return false;
        }

        ReleaseHold(durable.Hold);
        _opened.Add(durable);
        if (!_openedSessions.Contains(session))
        {
            _openedSessions.Add(session);
        }

        return true;
    }
}
