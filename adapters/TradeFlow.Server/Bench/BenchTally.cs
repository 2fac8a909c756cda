namespace TradeFlow.Server.Bench;

/// <summary>The counts and latencies of a run's measured orders, folded from the <see cref="BenchLedger"/>.</summary>
internal sealed class BenchTally
{
    /// <summary>Send-to-final-answer latencies in nanoseconds.</summary>
    public LatencyHistogram Latency { get; } = new();

    /// <summary>Orders the server booked (ExecutionReport 39=2).</summary>
    public long Booked { get; set; }

    /// <summary>Orders the server refused (ExecutionReport 39=8).</summary>
    public long Rejected { get; set; }

    /// <summary>Orders with no final answer when the run stopped waiting.</summary>
    public long Unanswered { get; set; }

    /// <summary>The <see cref="System.Diagnostics.Stopwatch"/> timestamp of the first measured send.</summary>
    public long FirstSent { get; set; } = long.MaxValue;

    /// <summary>The <see cref="System.Diagnostics.Stopwatch"/> timestamp of the last final answer.</summary>
    public long LastAnswered { get; set; }
}
