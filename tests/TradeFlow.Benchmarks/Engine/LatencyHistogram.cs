namespace TradeFlow.Benchmarks.Engine;

/// <summary>
/// A small log-linear histogram of nanosecond latencies (HdrHistogram is not available here): one bucket
/// group per power of two, split into 16 linear sub-buckets, so a reported percentile is within 6.25 % of
/// the true value. Recording is a few integer operations and never allocates; single writer.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int SubBits = 4;
    private const int SubBuckets = 1 << SubBits;
    private readonly long[] _counts = new long[64 * SubBuckets];

    public long Count { get; private set; }

    public long Max { get; private set; }

    public void Record(long nanoseconds)
    {
        var value = (ulong)Math.Max(1, nanoseconds);
        _counts[IndexOf(value)]++;
        Count++;
        Max = Math.Max(Max, nanoseconds);
    }

    /// <summary>The upper bound of the bucket holding the <paramref name="percentile"/>-th percentile.</summary>
    public long Percentile(double percentile)
    {
        var rank = (long)Math.Ceiling(percentile / 100.0 * Count);
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank && _counts[i] > 0)
            {
                return Math.Min(UpperBound(i), Max);
            }
        }

        return Max;
    }

    private static int IndexOf(ulong value)
    {
        var log = 63 - System.Numerics.BitOperations.LeadingZeroCount(value);
        if (log < SubBits)
        {
            return (int)value;
        }

        var sub = (int)(value >> (log - SubBits)) & (SubBuckets - 1);
        return ((log - SubBits + 1) * SubBuckets) + sub;
    }

    private static long UpperBound(int index)
    {
        var group = index / SubBuckets;
        var sub = index % SubBuckets;
        if (group == 0)
        {
            return sub;
        }

        var log = group + SubBits - 1;
        return (long)((((ulong)(SubBuckets + sub + 1)) << (log - SubBits)) - 1);
    }
}
