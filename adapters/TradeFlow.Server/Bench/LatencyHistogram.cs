using System.Numerics;

namespace TradeFlow.Server.Bench;

/// <summary>
/// A log-linear histogram of non-negative integer values (nanoseconds, here), HdrHistogram's layout in miniature:
/// values below <see cref="SubBuckets"/> are counted exactly; above, every power of two is split into
/// <see cref="SubBuckets"/> equal buckets, so a bucket is never wider than 1/<see cref="SubBuckets"/> of the values
/// in it. A percentile is read as the highest value of the bucket holding the exact (nearest-rank) percentile, so it
/// is never below the exact value and at most one bucket width (under 0.8 %) above it. The minimum and maximum are
/// exact. Not thread-safe: one writer, or one histogram per writer and <see cref="Add"/> at the end.
/// </summary>
internal sealed class LatencyHistogram
{
    /// <summary>log2 of <see cref="SubBuckets"/>.</summary>
    public const int SubBucketBits = 7;

    /// <summary>Buckets per power of two: the histogram's relative precision is 1/<see cref="SubBuckets"/>.</summary>
    public const int SubBuckets = 1 << SubBucketBits;

    // Values 0..SubBuckets-1 exactly, then SubBuckets buckets for each magnitude 2^SubBucketBits .. 2^62.
    private readonly long[] _counts = new long[SubBuckets + ((63 - SubBucketBits) * SubBuckets)];

    /// <summary>How many values were recorded.</summary>
    public long Count { get; private set; }

    /// <summary>The smallest value recorded (0 when empty).</summary>
    public long Min { get; private set; } = long.MaxValue;

    /// <summary>The largest value recorded (0 when empty).</summary>
    public long Max { get; private set; }

    /// <summary>Counts <paramref name="value"/>; a negative value is a caller's bug.</summary>
    public void Record(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        _counts[IndexOf(value)]++;
        Count++;
        Min = Math.Min(Min, value);
        Max = Math.Max(Max, value);
    }

    /// <summary>Adds every count of <paramref name="other"/> to this histogram.</summary>
    public void Add(LatencyHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        Count += other.Count;
        Min = Math.Min(Min, other.Min);
        Max = Math.Max(Max, other.Max);
    }

    /// <summary>
    /// The value at <paramref name="percentile"/> (0–100, nearest rank): the highest value of the bucket that holds
    /// it, clamped to the exact minimum and maximum; 0 when nothing was recorded.
    /// </summary>
    public long ValueAtPercentile(double percentile)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(percentile, 0d);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100d);
        if (Count == 0)
        {
            return 0;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(percentile / 100d * Count));
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
            {
                return Math.Clamp(HighestValueOf(i), Min, Max);
            }
        }

        return Max;
    }

    /// <summary>The bucket of <paramref name="value"/>: equal indices mean the histogram cannot tell the values apart.</summary>
    public static int IndexOf(long value)
    {
        if (value < SubBuckets)
        {
            return (int)value;
        }

        var magnitude = 63 - BitOperations.LeadingZeroCount((ulong)value);
        var shift = magnitude - SubBucketBits;
        var sub = (int)(value >> shift) - SubBuckets;
        return SubBuckets + (shift * SubBuckets) + sub;
    }

    /// <summary>The highest value that falls in bucket <paramref name="index"/>.</summary>
    public static long HighestValueOf(int index)
    {
        if (index < SubBuckets)
        {
            return index;
        }

        var shift = (index - SubBuckets) / SubBuckets;
        var sub = (index - SubBuckets) % SubBuckets;
        var lowest = (long)(SubBuckets + sub) << shift;
        return lowest + ((1L << shift) - 1);
    }
}
