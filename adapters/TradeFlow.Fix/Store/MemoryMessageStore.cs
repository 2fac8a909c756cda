namespace TradeFlow.Fix.Store;

/// <summary>A store that lives as long as the process (no FileStorePath): resends work until a restart.</summary>
public sealed class MemoryMessageStore : IMessageStore
{
    private readonly Lock _sync = new();
    private readonly SortedDictionary<int, byte[]> _messages = [];
    private readonly StoredConditions _conditions = new();
    private int _nextSender = 1;
    private int _nextTarget = 1;
    private int _durableTarget = 1;

    /// <summary>Creates an empty store created at <paramref name="creationTime"/>.</summary>
    public MemoryMessageStore(DateTime creationTime) => CreationTime = creationTime;

    /// <inheritdoc/>
    public int NextSenderMsgSeqNum
    {
        get { lock (_sync) { return _nextSender; } }
        set { lock (_sync) { _nextSender = value; } }
    }

    /// <inheritdoc/>
    public int NextTargetMsgSeqNum
    {
        get { lock (_sync) { return _nextTarget; } }
        set { lock (_sync) { _nextTarget = value; } }
    }

    /// <inheritdoc/>
    public DateTime CreationTime { get; private set; }

    /// <inheritdoc/>
    public void IncrNextSenderMsgSeqNum()
    {
        lock (_sync)
        {
            _nextSender++;
        }
    }

    /// <inheritdoc/>
    public void IncrNextTargetMsgSeqNum()
    {
        lock (_sync)
        {
            _nextTarget++;
        }
    }

    /// <inheritdoc/>
    public void Set(int msgSeqNum, ReadOnlySpan<byte> message)
    {
        lock (_sync)
        {
            _messages[msgSeqNum] = message.ToArray();
        }
    }

    /// <inheritdoc/>
    public void Get(int beginSeqNo, int endSeqNo, StoredMessageCallback callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        List<KeyValuePair<int, byte[]>> found;
        lock (_sync)
        {
            found = _messages.Where(m => m.Key >= beginSeqNo && m.Key <= endSeqNo && _conditions.IsSendable(m.Key)).ToList();
        }

        foreach (var (seq, bytes) in found)
        {
            callback(seq, bytes);
        }
    }

    /// <inheritdoc/>
    public bool SupportsConditions => true;

    /// <inheritdoc/>
    public void SetConditional(int msgSeqNum, ReadOnlySpan<byte> message, string condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        lock (_sync)
        {
            _messages[msgSeqNum] = message.ToArray();
            _conditions.Add(msgSeqNum, condition);
        }
    }

    /// <inheritdoc/>
    public void Resolve(int msgSeqNum, bool met)
    {
        lock (_sync)
        {
            _conditions.Resolve(msgSeqNum, met);
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<KeyValuePair<int, string>> PendingConditions()
    {
        lock (_sync)
        {
            return _conditions.Pending();
        }
    }

    /// <inheritdoc/>
    public int DurableNextTargetMsgSeqNum
    {
        get { lock (_sync) { return _durableTarget; } }
    }

    /// <inheritdoc/>
    public void Flush() => Flush(int.MaxValue);

    /// <inheritdoc/>
    public void Flush(int targetFloor)
    {
        // Nothing outlives the process, but the number a flush would persist is kept, so both stores tell the same story.
        lock (_sync)
        {
            _durableTarget = Math.Min(_nextTarget, targetFloor);
        }
    }

    /// <inheritdoc/>
    public void Reset(DateTime creationTime)
    {
        lock (_sync)
        {
            _messages.Clear();
            _conditions.Clear();
            _nextSender = _nextTarget = _durableTarget = 1;
            CreationTime = creationTime;
        }
    }

    /// <inheritdoc/>
    public void Refresh()
    {
        // The memory is the only copy.
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }
}
