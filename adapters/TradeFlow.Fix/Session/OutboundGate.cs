namespace TradeFlow.Fix.Session;

/// <summary>
/// Holds back the conditional messages queued under it (<see cref="FixSession.QueueConditional"/>) — stored, and made
/// durable with the store's next flush, but not written to the socket — until <see cref="FixSession.Open"/> says the
/// condition is met; or, once void, replaced by SequenceReset-GapFills and never sent. Every message queued after a
/// closed gate waits behind it, because a FIX session's messages reach the counterparty in MsgSeqNum order. One gate
/// belongs to one session. Its state changes under that session's lock.
/// </summary>
/// <param name="condition">What must hold before the messages may go out (the application's opaque text, kept in the store).</param>
public sealed class OutboundGate(string condition)
{
    private readonly List<int> _msgSeqNums = new(2);

    /// <summary>The condition, as stored with each message.</summary>
    public string Condition { get; } = condition ?? throw new ArgumentNullException(nameof(condition));

    /// <summary>True once opened: its messages may be written.</summary>
    public bool IsOpen => State == GateState.Open;

    /// <summary>True once void: its messages are never sent (gap-filled instead).</summary>
    public bool IsVoid => State == GateState.Void;

    internal GateState State { get; set; }

    internal bool IsClosed => State == GateState.Closed;

    /// <summary>The MsgSeqNums of the messages queued under the gate.</summary>
    internal IReadOnlyList<int> MsgSeqNums => _msgSeqNums;

    internal void Add(int msgSeqNum) => _msgSeqNums.Add(msgSeqNum);

    /// <summary>Where a gate stands.</summary>
    internal enum GateState : byte
    {
        Closed,
        Open,
        Void,
    }
}
