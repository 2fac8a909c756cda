namespace TradeFlow.Fix.Store;

/// <summary>
/// The conditional messages of a store (<see cref="IMessageStore.SetConditional"/>) and their fate, by MsgSeqNum: a
/// message is resendable only once its condition was met; while pending, and for ever once void, a resend gap-fills
/// it. Not thread-safe: the owning store guards it with its own lock.
/// </summary>
internal sealed class StoredConditions
{
    private readonly Dictionary<int, (string Condition, ConditionState State)> _entries = [];

    /// <summary>How many conditional messages are neither met nor void.</summary>
    public int PendingCount { get; private set; }

    /// <summary>Records that message <paramref name="msgSeqNum"/> is sendable only once <paramref name="condition"/> is met.</summary>
    public void Add(int msgSeqNum, string condition)
    {
        if (_entries.TryGetValue(msgSeqNum, out var old) && old.State == ConditionState.Pending)
        {
            PendingCount--;
        }

        _entries[msgSeqNum] = (condition, ConditionState.Pending);
        PendingCount++;
    }

    /// <summary>Settles a pending condition; false (and nothing changes) when it is unknown or already settled.</summary>
    public bool Resolve(int msgSeqNum, bool met)
    {
        if (!_entries.TryGetValue(msgSeqNum, out var entry) || entry.State != ConditionState.Pending)
        {
            return false;
        }

        _entries[msgSeqNum] = (entry.Condition, met ? ConditionState.Met : ConditionState.Void);
        PendingCount--;
        return true;
    }

    /// <summary>True unless <paramref name="msgSeqNum"/> is a conditional message whose condition is not (or never to be) met.</summary>
    public bool IsSendable(int msgSeqNum) => !_entries.TryGetValue(msgSeqNum, out var entry) || entry.State == ConditionState.Met;

    /// <summary>The conditional messages still pending, in MsgSeqNum order.</summary>
    public IReadOnlyList<KeyValuePair<int, string>> Pending() =>
        [.. _entries.Where(e => e.Value.State == ConditionState.Pending).OrderBy(e => e.Key)
            .Select(e => KeyValuePair.Create(e.Key, e.Value.Condition))];

    /// <summary>Forgets every message (after a reset).</summary>
    public void Clear()
    {
        _entries.Clear();
        PendingCount = 0;
    }

    private enum ConditionState : byte
    {
        Pending,
        Met,
        Void,
    }
}
