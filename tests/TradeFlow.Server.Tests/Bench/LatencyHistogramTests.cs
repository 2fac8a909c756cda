using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Server.Bench;

namespace TradeFlow.Server.Tests.Bench;

public sealed class LatencyHistogramTests
{
    // Latencies span nanoseconds to seconds: values are drawn log-uniformly over 2^0 .. 2^50.
    private static readonly Gen<long> Values =
        from shift in Gen.Choose(0, 30)
        from mantissa in Gen.Choose(0, 1 << 20)
        select (long)mantissa << shift;

    private static readonly Gen<double> Percentiles =
        Gen.OneOf(Gen.Elements(0d, 50d, 90d, 99d, 99.9d, 100d), Gen.Choose(0, 100_000).Select(p => p / 1_000d));

    [Fact]
    public void A_percentile_is_the_exact_nearest_rank_value_to_within_its_bucket_precision()
    {
        var cases =
            from values in Gen.NonEmptyListOf(Values).Select(v => v.ToArray())
            from percentile in Percentiles
            select (values, percentile);

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var histogram = new LatencyHistogram();
            foreach (var value in c.values)
            {
                histogram.Record(value);
            }

            var sorted = c.values.Order().ToArray();
            var exact = sorted[Math.Max(1, (long)Math.Ceiling(c.percentile / 100d * sorted.Length)) - 1];
            var read = histogram.ValueAtPercentile(c.percentile);
            return read >= exact
                && read - exact <= exact / LatencyHistogram.SubBuckets
                && LatencyHistogram.IndexOf(read) == LatencyHistogram.IndexOf(exact);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Every_bucket_is_narrower_than_its_values_divided_by_the_sub_bucket_count()
    {
        Prop.ForAll(Values.Where(v => v > 0).ToArbitrary(), value =>
        {
            var index = LatencyHistogram.IndexOf(value);
            var highest = LatencyHistogram.HighestValueOf(index);
            var lowest = index == 0 ? 0 : LatencyHistogram.HighestValueOf(index - 1) + 1;
            return lowest <= value && value <= highest && highest - lowest <= Math.Max(0, value / LatencyHistogram.SubBuckets);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Small_values_and_the_extremes_are_exact()
    {
        var histogram = new LatencyHistogram();
        foreach (var value in new long[] { 3, 7, 7, 120, 1_000_003, long.MaxValue })
        {
            histogram.Record(value);
        }

        Assert.Equal(3, histogram.ValueAtPercentile(0));
        Assert.Equal(7, histogram.ValueAtPercentile(50));
        Assert.Equal(120, histogram.ValueAtPercentile(60));
        Assert.Equal(long.MaxValue, histogram.ValueAtPercentile(100));
        Assert.Equal(3, histogram.Min);
        Assert.Equal(long.MaxValue, histogram.Max);
    }

    [Fact]
    public void Merged_histograms_read_as_one_histogram_of_every_value()
    {
        var left = new LatencyHistogram();
        var right = new LatencyHistogram();
        var all = new LatencyHistogram();
        for (long i = 1; i <= 1_000; i++)
        {
            (i % 3 == 0 ? left : right).Record(i * 997);
            all.Record(i * 997);
        }

        left.Add(right);

        Assert.Equal(all.Count, left.Count);
        Assert.All(new[] { 0d, 50d, 90d, 99d, 99.9d, 100d }, p => Assert.Equal(all.ValueAtPercentile(p), left.ValueAtPercentile(p)));
    }

    [Fact]
    public void An_empty_histogram_reads_zero()
    {
        Assert.Equal(0, new LatencyHistogram().ValueAtPercentile(99));
    }
}
