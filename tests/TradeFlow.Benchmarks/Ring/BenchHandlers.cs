using TradeFlow.Ring.Processing;

namespace TradeFlow.Benchmarks.Ring;

/// <summary>The last stage: sums what it sees and signals when it reaches the expected sequence.</summary>
public sealed class SummingHandler : IEventHandler<BenchSlot>, IDisposable
{
    private long _target = long.MaxValue;

    public ManualResetEventSlim Done { get; } = new();

    public long Sum { get; private set; }

    /// <summary>Arms the signal for <paramref name="lastSequence"/>; call before publishing.</summary>
    public void Expect(long lastSequence)
    {
        Done.Reset();
        Volatile.Write(ref _target, lastSequence);
    }

    public void OnEvent(BenchSlot data, long sequence, bool endOfBatch)
    {
        Sum += data.Value + data.A + data.B;
        if (sequence == Volatile.Read(ref _target))
        {
            Done.Set();
        }
    }

    public void Dispose() => Done.Dispose();
}

/// <summary>A parallel middle stage of the diamond: writes its own field of the slot.</summary>
public sealed class StageAHandler : IEventHandler<BenchSlot>
{
    public void OnEvent(BenchSlot data, long sequence, bool endOfBatch) => data.A = data.Value + 1;
}

/// <summary>The other parallel middle stage of the diamond.</summary>
public sealed class StageBHandler : IEventHandler<BenchSlot>
{
    public void OnEvent(BenchSlot data, long sequence, bool endOfBatch) => data.B = data.Value * 2;
}
