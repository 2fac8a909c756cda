using System.Collections.Concurrent;
using TradeFlow.Fix.Codec;

namespace TradeFlow.Fix.Session;

/// <summary>The sessions of one acceptor (or initiator), by id: QuickFIX's <c>Session.sendToTarget</c> without a global.</summary>
public sealed class SessionRegistry
{
    private readonly ConcurrentDictionary<SessionId, FixSession> _sessions = new();

    /// <summary>Every registered session.</summary>
    public IReadOnlyCollection<FixSession> All => (IReadOnlyCollection<FixSession>)_sessions.Values;

    /// <summary>The session <paramref name="sessionId"/>; throws when it is not configured.</summary>
    public FixSession this[SessionId sessionId] =>
        _sessions.TryGetValue(sessionId, out var session) ? session : throw new KeyNotFoundException($"Unknown session {sessionId}");

    /// <summary>The session <paramref name="sessionId"/>, when configured.</summary>
    public bool TryGet(SessionId sessionId, out FixSession session) => _sessions.TryGetValue(sessionId, out session!);

    /// <summary>Sends through the session <paramref name="sessionId"/> (see <see cref="FixSession.Send"/>); thread-safe.</summary>
    public bool SendToTarget(SessionId sessionId, string msgType, FixFieldWriter body) => this[sessionId].Send(msgType, body);

    /// <summary>Queues a message on the session <paramref name="sessionId"/> without writing it (see <see cref="FixSession.Queue"/>).</summary>
    public bool QueueToTarget(SessionId sessionId, string msgType, FixFieldWriter body) => this[sessionId].Queue(msgType, body);

    /// <summary>Writes what is queued on the session <paramref name="sessionId"/>: one fsync, one socket write.</summary>
    public void Flush(SessionId sessionId) => this[sessionId].Flush();

    internal void Add(FixSession session)
    {
        if (!_sessions.TryAdd(session.SessionId, session))
        {
            throw new ArgumentException($"Session {session.SessionId} is configured twice", nameof(session));
        }
    }
}
