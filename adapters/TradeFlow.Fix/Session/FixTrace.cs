using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace TradeFlow.Fix.Session;

/// <summary>
/// An opt-in latency trace of the durable ack path, for finding where an order's time goes: set the environment
/// variable <c>TRADEFLOW_FIX_TRACE</c> to a file path and, at process exit, that file gets the percentiles (µs) of
/// each stage's duration and the garbage collections of the traced window. Off (one static read per call site)
/// unless the variable is set; when on, each sample is an interlocked increment and an array store, so the trace
/// costs little next to what it measures. <c>TRADEFLOW_FIX_TRACE_SKIP_MS</c> leaves out the samples of the first
/// milliseconds after the first sample (a benchmark's warm-up, while the JIT is still promoting the hot path).
/// </summary>
internal static class FixTrace
{
    private const int Capacity = 1 << 20;
    private static readonly string? Path = Environment.GetEnvironmentVariable("TRADEFLOW_FIX_TRACE");
    private static readonly long[][] Samples = Path is { Length: > 0 } ? CreateSamples() : [];
    private static readonly int[] Counts = new int[(int)FixTraceStage.Count];
    private static readonly int[] Skipped = new int[(int)FixTraceStage.Count];
    private static readonly long SkipTicks = long.TryParse(Environment.GetEnvironmentVariable("TRADEFLOW_FIX_TRACE_SKIP_MS"),
        NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? ms * Stopwatch.Frequency / 1000 : 0;
    private static readonly long[] GcAtStart = new long[5];
    private static readonly long[] GcAtLastAnswer = new long[5];
    private static readonly FixTraceGc? Collections = Path is { Length: > 0 } ? new FixTraceGc() : null;
    private static long _firstSample;
    private static int _windowStarted;

    /// <summary>Whether the trace is on (the environment variable is set).</summary>
    public static readonly bool Enabled = Path is { Length: > 0 };

    /// <summary>Now, in <see cref="Stopwatch"/> ticks (0 when the trace is off, so callers need not branch).</summary>
    public static long Now() => Enabled ? Stopwatch.GetTimestamp() : 0;

    /// <summary>Records that <paramref name="stage"/> took from <paramref name="start"/> until now.</summary>
    public static void Since(FixTraceStage stage, long start)
    {
        if (!Enabled || start == 0)
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        if (Volatile.Read(ref _windowStarted) == 0)
        {
            StartWindowOnce(now);
        }

        var i = Interlocked.Increment(ref Counts[(int)stage]) - 1;
        if (i < Capacity)
        {
            Samples[(int)stage][i] = now - start;
        }

        if (stage == FixTraceStage.Total)
        {
            // The window ends with the last answer: collections after it belong to the shutdown, not to the run.
            ReadCollections(GcAtLastAnswer);
        }
    }

    private static void ReadCollections(long[] into)
    {
        into[0] = GC.CollectionCount(0);
        into[1] = GC.CollectionCount(1);
        into[2] = GC.CollectionCount(2);
        into[3] = GC.GetTotalPauseDuration().Ticks;
        into[4] = GC.GetTotalAllocatedBytes(precise: false);
    }

    // Out of line: runs until the warm-up is over, then never again. The samples before the window (per stage) and
    // the collections so far are remembered, so the report covers the window only.
    private static void StartWindowOnce(long now)
    {
        _ = Interlocked.CompareExchange(ref _firstSample, now, 0);
        if (now - Volatile.Read(ref _firstSample) < SkipTicks || Interlocked.Exchange(ref _windowStarted, 1) != 0)
        {
            return;
        }

        for (var s = 0; s < Skipped.Length; s++)
        {
            Skipped[s] = Math.Min(Volatile.Read(ref Counts[s]), Capacity);
        }

        ReadCollections(GcAtStart);
        Collections?.StartRecording();
    }

    private static long[][] CreateSamples()
    {
        var samples = new long[(int)FixTraceStage.Count][];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = new long[Capacity];
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Write();
        return samples;
    }

    private static void Write()
    {
        var text = new StringBuilder("stage count p50 p90 p99 p99.9 max (µs)\n");
        for (var s = 0; s < Samples.Length; s++)
        {
            var n = Math.Min(Volatile.Read(ref Counts[s]), Capacity);
            var sorted = Samples[s].AsSpan(Math.Min(Skipped[s], n), n - Math.Min(Skipped[s], n)).ToArray();
            Array.Sort(sorted);
            text.Append(CultureInfo.InvariantCulture,
                $"{(FixTraceStage)s} {sorted.Length} {At(sorted, 0.5)} {At(sorted, 0.9)} {At(sorted, 0.99)} {At(sorted, 0.999)} {At(sorted, 1)}\n");
        }

        Collections?.StopRecording();
        var pause = TimeSpan.FromTicks(GcAtLastAnswer[3] - GcAtStart[3]);
        text.Append(CultureInfo.InvariantCulture,
            $"gc (window: from {SkipTicks * 1000 / Stopwatch.Frequency} ms after the first sample to the last answer) gen0 {GcAtLastAnswer[0] - GcAtStart[0]} gen1 {GcAtLastAnswer[1] - GcAtStart[1]} gen2 {GcAtLastAnswer[2] - GcAtStart[2]} pause {pause.TotalMilliseconds:F1} ms\n");
        var answers = Math.Max(1, Math.Min(Volatile.Read(ref Counts[(int)FixTraceStage.Total]), Capacity) - Skipped[(int)FixTraceStage.Total]);
        text.Append(CultureInfo.InvariantCulture,
            $"allocated in the window {(GcAtLastAnswer[4] - GcAtStart[4]) / 1024} KiB, {(GcAtLastAnswer[4] - GcAtStart[4]) / answers} B per answer; gen0 budget now {GC.GetGCMemoryInfo().GenerationInfo[0].SizeBeforeBytes / 1024} KiB\n");
        text.Append("collections (to exit): ").Append(Collections?.Describe()).Append('\n');
        text.Append("allocation ticks by type @thread (to exit): ").Append(Collections?.DescribeAllocations()).Append('\n');
        text.Append("allocation ticks by thread (to exit): ").Append(Collections?.DescribeAllocationsByThread()).Append('\n');
        File.WriteAllText(Path!, text.ToString());
    }

    private static string At(long[] sorted, double quantile)
    {
        if (sorted.Length == 0)
        {
            return "-";
        }

        // Nearest rank.
        var ticks = sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
        return (ticks * 1_000_000.0 / Stopwatch.Frequency).ToString("F0", CultureInfo.InvariantCulture);
    }
}
