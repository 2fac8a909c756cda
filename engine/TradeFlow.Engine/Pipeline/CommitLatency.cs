using System.Diagnostics;
using System.Numerics;

namespace TradeFlow.Engine.Pipeline;

/// <summary>
/// Journal commit latency since start, as a fixed histogram of power-of-two microsecond buckets (bucket 0: under
/// 1 µs, bucket i: [2^(i-1), 2^i) µs), plus the last, the largest and the sum. Written by one thread only (the stage
/// that makes commits durable, see <see cref="CommitFigures"/>)
/// (one writer, so a <see cref="Volatile"/> write of an incremented count is enough, no <see cref="Interlocked"/>
/// on the hot path) and read from any thread without a lock; nothing allocates. A percentile is the upper bound of
/// the bucket it falls in: at most 2× high, never low, which is what an operator watching for slow disks wants.
/// </summary>
internal sealed class CommitLatency
{
    private const int BucketCount = 40;
    private readonly long[] _buckets = new long[BucketCount];
    private long _count;
    private long _lastTicks;
    private long _maxTicks;
    private long _sumTicks;

    /// <summary>Records one commit that took <paramref name="elapsedTicks"/> <see cref="Stopwatch"/> ticks.</summary>
    public void Record(long elapsedTicks)
    {
        var micros = (ulong)Math.Max(0, elapsedTicks) * 1_000_000UL / (ulong)Stopwatch.Frequency;
        var bucket = Math.Min(BucketCount - 1, 64 - BitOperations.LeadingZeroCount(micros));
        Volatile.Write(ref _buckets[bucket], _buckets[bucket] + 1);
        Volatile.Write(ref _lastTicks, elapsedTicks);
        Volatile.Write(ref _sumTicks, _sumTicks + elapsedTicks);
        if (elapsedTicks > _maxTicks)
        {
            Volatile.Write(ref _maxTicks, elapsedTicks);
        }

        // Published last: a reader that sees the count sees at least as many bucketed commits.
        Volatile.Write(ref _count, _count + 1);
    }

    /// <summary>Commits recorded.</summary>
    public long Count => Volatile.Read(ref _count);

    /// <summary>The last commit's latency in µs (0 before the first).</summary>
    public double LastMicroseconds => ToMicroseconds(Volatile.Read(ref _lastTicks));

    /// <summary>The largest commit latency since start in µs.</summary>
    public double MaxMicroseconds => ToMicroseconds(Volatile.Read(ref _maxTicks));

    /// <summary>The mean commit latency since start in µs (0 before the first).</summary>
    public double MeanMicroseconds
    {
        get
        {
            var count = Volatile.Read(ref _count);
            return count == 0 ? 0d : ToMicroseconds(Volatile.Read(ref _sumTicks)) / count;
        }
    }

    /// <summary>
    /// The latency (µs) at or under which a fraction <paramref name="quantile"/> of the commits fell: the upper bound
    /// of its bucket. 0 before the first commit.
    /// </summary>
    public double Percentile(double quantile)
    {
        long total = 0;
        for (var i = 0; i < BucketCount; i++)
        {
            total += Volatile.Read(ref _buckets[i]);
        }

        if (total == 0)
        {
            return 0d;
        }

        var rank = (long)Math.Ceiling(Math.Clamp(quantile, 0d, 1d) * total);
        long seen = 0;
        for (var i = 0; i < BucketCount; i++)
        {
            seen += Volatile.Read(ref _buckets[i]);
            if (seen >= Math.Max(1, rank))
            {
                return Math.Pow(2, i);
            }
        }

        return Math.Pow(2, BucketCount - 1);
    }

    private static double ToMicroseconds(long ticks) => ticks * 1_000_000d / Stopwatch.Frequency;
}
