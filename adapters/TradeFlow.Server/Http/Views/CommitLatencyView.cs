using TradeFlow.Engine;

namespace TradeFlow.Server.Http.Views;

/// <summary>
/// Journal group-commit latency since the engine started, in microseconds. The percentiles come from a fixed
/// histogram of power-of-two buckets and are the upper bound of their bucket (at most 2× high, never low).
/// </summary>
/// <param name="LastMicroseconds">The last commit.</param>
/// <param name="MeanMicroseconds">The mean.</param>
/// <param name="P50Microseconds">The median (bucket upper bound).</param>
/// <param name="P99Microseconds">The 99th percentile (bucket upper bound).</param>
/// <param name="MaxMicroseconds">The slowest commit.</param>
public sealed record CommitLatencyView(double LastMicroseconds, double MeanMicroseconds, double P50Microseconds, double P99Microseconds,
    double MaxMicroseconds)
{
    /// <summary>From the engine's figures, rounded to 0.1 µs.</summary>
    public static CommitLatencyView From(in EngineMetrics m) => new(Math.Round(m.CommitLatencyLastMicroseconds, 1),
        Math.Round(m.CommitLatencyMeanMicroseconds, 1), m.CommitLatencyP50Microseconds, m.CommitLatencyP99Microseconds,
        Math.Round(m.CommitLatencyMaxMicroseconds, 1));
}
