using TradeFlow.Fix.Session;

namespace TradeFlow.Fix.Transport;

/// <summary>One write <see cref="SocketWriteProbe"/> saw enter the socket.</summary>
/// <param name="Session">The session the connection belonged to then (null before its Logon was routed).</param>
/// <param name="Thread">The name of the thread that wrote.</param>
/// <param name="Blocking">True for a write that waits until the socket takes everything; false for one that never waits.</param>
internal readonly record struct SocketWrite(SessionId? Session, string? Thread, bool Blocking);
