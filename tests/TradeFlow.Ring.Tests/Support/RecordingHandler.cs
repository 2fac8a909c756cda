using TradeFlow.Ring.Processing;

namespace TradeFlow.Ring.Tests.Support;

/// <summary>Records what it was given, and signals when it has seen a given sequence.</summary>
public sealed class RecordingHandler : IEventHandler<TestSlot>
{
    private readonly long _signalAt;

    public RecordingHandler(long signalAt = long.MaxValue)
    {
        _signalAt = signalAt;
    }

    public List<long> Sequences { get; } = [];

    public List<long> Values { get; } = [];

    public List<long> BatchEnds { get; } = [];

    public List<long> BatchSizes { get; } = [];

    public Action<TestSlot, long>? OnEach { get; init; }

    public ManualResetEventSlim Reached { get; } = new();

    public int Starts { get; private set; }

    public int Shutdowns { get; private set; }

    public void OnEvent(TestSlot data, long sequence, bool endOfBatch)
    {
        OnEach?.Invoke(data, sequence);
        Sequences.Add(sequence);
        Values.Add(data.Value);
        if (endOfBatch)
        {
            BatchEnds.Add(sequence);
        }

        if (sequence >= _signalAt)
        {
            Reached.Set();
        }
    }

    public void OnBatchStart(long batchSize) => BatchSizes.Add(batchSize);

    public void OnStart() => Starts++;

    public void OnShutdown() => Shutdowns++;
}
