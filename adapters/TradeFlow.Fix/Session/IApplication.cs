using TradeFlow.Fix.Codec;

namespace TradeFlow.Fix.Session;

/// <summary>
/// What the FIX engine calls in the application, in QuickFIX's spirit. A <see cref="FixMessage"/> handed to a
/// callback is a view the engine reuses: read it during the call, <see cref="FixMessage.Clone"/> it to keep it.
/// <see cref="FromApp"/> is called on the connection's reader without the session's lock held, so it may block
/// (the engine's ring is full): the socket is then not read and TCP carries the back-pressure to the counterparty,
/// while other threads can still <see cref="FixSession.Send"/> acks. The other callbacks run under the session's lock
/// and must not block.
/// </summary>
public interface IApplication
{
    /// <summary>A session was created (once per session per process).</summary>
    void OnCreate(SessionId sessionId);

    /// <summary>The Logon handshake completed.</summary>
    void OnLogon(SessionId sessionId);

    /// <summary>The session logged out or its connection was lost.</summary>
    void OnLogout(SessionId sessionId);

    /// <summary>An admin message is about to be sent (read-only).</summary>
    void ToAdmin(FixMessage message, SessionId sessionId);

    /// <summary>An admin message arrived and passed the session checks; throw <see cref="RejectLogonException"/> to refuse a Logon.</summary>
    void FromAdmin(FixMessage message, SessionId sessionId);

    /// <summary>An application message is about to be sent (also on resend, with PossDupFlag=Y); throw <see cref="DoNotSendException"/> to drop it.</summary>
    void ToApp(FixMessage message, SessionId sessionId);

    /// <summary>
    /// An application message arrived in sequence and passed validation. Throw <see cref="UnsupportedMessageTypeException"/>,
    /// <see cref="FieldNotFoundException"/> or <see cref="IncorrectTagValueException"/> to have it rejected. Any other
    /// exception disconnects the session without consuming the message's sequence number, so it is resent.
    /// </summary>
    void FromApp(FixMessage message, SessionId sessionId);
}
