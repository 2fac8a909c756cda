namespace TradeFlow.Fix.Session;

/// <summary>
/// Implemented by an application that queues conditional messages (<see cref="FixSession.QueueConditional"/>): when a
/// session is created, every conditional message its store holds unsettled — the process stopped between storing it
/// and learning its fate — is settled by asking here, before the session accepts a connection. An application that
/// does not implement it has every such message voided (gap-filled on resend), which is always safe.
/// </summary>
public interface IMessageConditions
{
    /// <summary>True when <paramref name="condition"/>, stored with a message of <paramref name="sessionId"/>, holds: the message may be resent.</summary>
    bool IsMet(SessionId sessionId, string condition);
}
