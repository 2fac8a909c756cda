namespace TradeFlow.Benchmarks.Ring;

/// <summary>The benchmark's ring slot: the producer's value and one field per parallel stage.</summary>
public sealed class BenchSlot
{
    public long Value { get; set; }

    public long A { get; set; }

    public long B { get; set; }
}
