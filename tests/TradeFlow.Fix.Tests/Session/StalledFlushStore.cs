using TradeFlow.Fix.Store;

namespace TradeFlow.Fix.Tests.Session;

/// <summary>
/// A store whose next flush stalls until the test lets it finish (an fsync that takes long), so a test can say what a
/// session does meanwhile. Everything else goes to the real store inside.
/// </summary>
internal sealed class StalledFlushStore(IMessageStore inner) : IMessageStore
{
    private readonly ManualResetEventSlim _entered = new();
    private readonly ManualResetEventSlim _finish = new(initialState: true);

    public int NextSenderMsgSeqNum { get => inner.NextSenderMsgSeqNum; set => inner.NextSenderMsgSeqNum = value; }

    public int NextTargetMsgSeqNum { get => inner.NextTargetMsgSeqNum; set => inner.NextTargetMsgSeqNum = value; }

    public DateTime CreationTime => inner.CreationTime;

    public int DurableNextTargetMsgSeqNum => inner.DurableNextTargetMsgSeqNum;

    public bool SupportsConditions => inner.SupportsConditions;

    /// <summary>The next flush waits (after writing nothing) until <see cref="Finish"/>.</summary>
    public void StallNextFlush()
    {
        _entered.Reset();
        _finish.Reset();
    }

    /// <summary>Waits until a stalled flush has begun.</summary>
    public void AwaitStalled() => Assert.True(_entered.Wait(TimeSpan.FromSeconds(30)), "No flush began");

    /// <summary>Lets the stalled flush do its work and return.</summary>
    public void Finish() => _finish.Set();

    public void Flush() => Flush(inner.NextTargetMsgSeqNum);

    public void Flush(int targetFloor)
    {
        _entered.Set();
        Assert.True(_finish.Wait(TimeSpan.FromSeconds(30)), "The stalled flush was never let go");
        inner.Flush(targetFloor);
    }

    public void IncrNextSenderMsgSeqNum() => inner.IncrNextSenderMsgSeqNum();

    public void IncrNextTargetMsgSeqNum() => inner.IncrNextTargetMsgSeqNum();

    public void Set(int msgSeqNum, ReadOnlySpan<byte> message) => inner.Set(msgSeqNum, message);

    public void Get(int beginSeqNo, int endSeqNo, StoredMessageCallback callback) => inner.Get(beginSeqNo, endSeqNo, callback);

    public void SetConditional(int msgSeqNum, ReadOnlySpan<byte> message, string condition) => inner.SetConditional(msgSeqNum, message, condition);

    public void Resolve(int msgSeqNum, bool met) => inner.Resolve(msgSeqNum, met);

    public IReadOnlyList<KeyValuePair<int, string>> PendingConditions() => inner.PendingConditions();

    public void Reset(DateTime creationTime) => inner.Reset(creationTime);

    public void Refresh() => inner.Refresh();

    public void Dispose()
    {
        _finish.Set();
        inner.Dispose();
        _entered.Dispose();
        _finish.Dispose();
    }
}
