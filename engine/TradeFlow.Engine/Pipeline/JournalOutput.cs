namespace TradeFlow.Engine.Pipeline;

/// <summary>The journal stage's part of a slot: the command's committed envelopes, or why it failed.</summary>
internal sealed class JournalOutput
{
    private CommittedEvent[] _committed = new CommittedEvent[4];

    /// <summary>How many committed events.</summary>
    public int Count { get; private set; }

    /// <summary>The store failure (or the engine's fault) that kept the command from being durable; null when durable.</summary>
    public Exception? Failure { get; set; }

    /// <summary>
    /// The global position that must be durable before the command may be answered: the written head after its
    /// commit (or, for a command with nothing to write, the head its original is covered by); 0 when the store's
    /// commit was durable on return (a store that does not pipeline its commits) or the command failed.
    /// </summary>
    public long DurableAt { get; set; }

    /// <summary>The committed envelopes, in global order.</summary>
    public ReadOnlySpan<CommittedEvent> Committed => _committed.AsSpan(0, Count);

    /// <summary>Clears the part before the stage writes it.</summary>
    public void Reset(int capacity)
    {
        Array.Clear(_committed, 0, Count);
        Count = 0;
        Failure = null;
        DurableAt = 0;
        if (_committed.Length < capacity)
        {
            _committed = new CommittedEvent[Math.Max(capacity, _committed.Length * 2)];
        }
    }

    /// <summary>Sets the committed envelope of the command's event <paramref name="index"/>.</summary>
    public void Set(int index, in CommittedEvent committed)
    {
        _committed[index] = committed;
        if (index >= Count)
        {
            Count = index + 1;
        }
    }

    /// <summary>Forgets any envelope written so far (the commit failed).</summary>
    public void Discard()
    {
        Array.Clear(_committed, 0, Count);
        Count = 0;
        DurableAt = 0;
    }

    /// <summary>Drops envelope references once answered.</summary>
    public void Release()
    {
        Array.Clear(_committed, 0, Count);
        Count = 0;
        Failure = null;
    }
}
