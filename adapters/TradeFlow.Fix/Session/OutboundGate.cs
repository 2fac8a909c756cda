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
    // Inline for the usual one or two messages (an AR; a D's new and filled ExecutionReports), so that a gate — one per
    // answered command — is one small object, not three; more spill into a list.
    private int _first;
    private int _second;
    private List<int>? _more;

    /// <summary>The condition, as stored with each message.</summary>
    public string Condition { get; } = condition ?? throw new ArgumentNullException(nameof(condition));

    /// <summary>True once opened: its messages may be written.</summary>
    public bool IsOpen => State == GateState.Open;

    /// <summary>True once void: its messages are never sent (gap-filled instead).</summary>
    public bool IsVoid => State == GateState.Void;

    internal GateState State { get; set; }

    internal bool IsClosed => State == GateState.Closed;

    /// <summary>How many messages were queued under the gate.</summary>
    internal int Count { get; private set; }

    /// <summary>The MsgSeqNum of the <paramref name="index"/>th message queued under the gate.</summary>
    internal int MsgSeqNumAt(int index) => index switch
    {
        0 => _first,
        1 => _second,
        _ => _more![index - 2],
    };

    internal void Add(int msgSeqNum)
    {
        switch (Count)
        {
            case 0:
                _first = msgSeqNum;
                break;
            case 1:
                _second = msgSeqNum;
                break;
            default:
                (_more ??= new List<int>(2)).Add(msgSeqNum);
                break;
        }

        Count++;
    }

    /// <summary>The MsgSeqNums as text, for the session log (off the hot path).</summary>
    internal string Describe()
    {
        var seqs = new int[Count];
        for (var i = 0; i < seqs.Length; i++)
        {
            seqs[i] = MsgSeqNumAt(i);
        }

        return string.Join(",", seqs);
    }

    /// <summary>Where a gate stands.</summary>
    internal enum GateState : byte
    {
        Closed,
        Open,
        Void,
    }
}
