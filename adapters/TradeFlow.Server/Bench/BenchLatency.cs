namespace TradeFlow.Server.Bench;

/// <summary>Percentiles of a latency distribution, in microseconds (histogram precision: under 0.8 %).</summary>
/// <param name="P50">Median.</param>
/// <param name="P90">90th percentile.</param>
/// <param name="P99">99th percentile.</param>
/// <param name="P999">99.9th percentile.</param>
/// <param name="Max">The largest value, exact.</param>
internal sealed record BenchLatency(double P50, double P90, double P99, double P999, double Max)
{
    /// <summary>Reads the percentiles of a histogram of nanoseconds.</summary>
    public static BenchLatency From(LatencyHistogram nanoseconds)
    {
        ArgumentNullException.ThrowIfNull(nanoseconds);
        return new BenchLatency(
            Micros(nanoseconds.ValueAtPercentile(50)),
            Micros(nanoseconds.ValueAtPercentile(90)),
            Micros(nanoseconds.ValueAtPercentile(99)),
            Micros(nanoseconds.ValueAtPercentile(99.9)),
            Micros(nanoseconds.Count == 0 ? 0 : nanoseconds.Max));
    }

    private static double Micros(long nanoseconds) => Math.Round(nanoseconds / 1_000d, 1);
}
