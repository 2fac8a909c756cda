using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace TradeFlow.Engine.Pipeline;

/// <summary>
/// An opt-in timeline of the journal stage's group-commit cycles, for finding where a cycle's time goes: set
/// <c>TRADEFLOW_JOURNAL_CYCLES</c> to a file path and, at process exit, that file gets per-phase percentiles (µs) of
/// every cycle — the gap before it (the stage waiting for the decide stage's next batch: asleep, spinning, or woken
/// and waiting for a core), the batch (serializing, <see cref="ICommandDecision"/> callbacks), the write, the
/// fsync, and the publish stage's wake-up after the fsync — each split by the journal thread's scheduler counters
/// into on-CPU, run-queue (runnable, no core free) and blocked time (<see cref="JournalStageThreadTime"/>).
/// <c>TRADEFLOW_JOURNAL_CYCLES_SKIP_MS</c> leaves out the cycles of the first milliseconds (a benchmark's warm-up).
/// Off, it costs a static read per batch; on, four <c>pread</c>s of the thread's counters per cycle. Only the
/// journal thread writes a cycle; the publish stage adds its wake-up to the latest one.
/// </summary>
internal static class JournalStageCycles
{
    private const int Capacity = 1 << 18;
    private static readonly string? Path = Environment.GetEnvironmentVariable("TRADEFLOW_JOURNAL_CYCLES");
    private static readonly long SkipTicks = long.TryParse(Environment.GetEnvironmentVariable("TRADEFLOW_JOURNAL_CYCLES_SKIP_MS"),
        NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? ms * Stopwatch.Frequency / 1000 : 0;

    private static readonly long[][] Columns = Path is { Length: > 0 } ? Create() : [];
    private static readonly long[] Pending = new long[(int)JournalStageCycleColumn.Count];
    private static int _count;

    /// <summary>Whether the timeline is on (the environment variable is set).</summary>
    public static readonly bool Enabled = Path is { Length: > 0 };

    /// <summary>Marks a point of the cycle under way (journal thread): the time and the thread's counters.</summary>
    public static void Mark(JournalStageCycleColumn at, JournalStageThreadTime? clock)
    {
        Pending[(int)at] = Stopwatch.GetTimestamp();
        var (onCpu, runQueue) = clock?.Read() ?? (0, 0);
        Pending[(int)at + 1] = onCpu;
        Pending[(int)at + 2] = runQueue;
    }

    /// <summary>Ends the cycle under way after its fsync (journal thread), with the slots its batch held.</summary>
    public static void EndCycle(JournalStageThreadTime? clock, long slots)
    {
        Mark(JournalStageCycleColumn.SyncEnd, clock);
        Pending[(int)JournalStageCycleColumn.Slots] = slots;
        var i = Volatile.Read(ref _count);
        if (i >= Capacity)
        {
            return;
        }

        for (var c = 0; c < (int)JournalStageCycleColumn.PublishStart; c++)
        {
            Columns[c][i] = Pending[c];
        }

        Volatile.Write(ref _count, i + 1);
    }

    /// <summary>The publish stage starts a batch (publish thread): its wake-up after the latest cycle's fsync.</summary>
    public static void PublishStarted()
    {
        var i = Volatile.Read(ref _count) - 1;
        if (i >= 0 && Columns[(int)JournalStageCycleColumn.PublishStart][i] == 0)
        {
            Columns[(int)JournalStageCycleColumn.PublishStart][i] = Stopwatch.GetTimestamp();
        }
    }

    private static long[][] Create()
    {
        var columns = new long[(int)JournalStageCycleColumn.Count][];
        for (var c = 0; c < columns.Length; c++)
        {
            columns[c] = new long[Capacity];
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.WriteAllText(Path!, Describe());
        return columns;
    }

    private static string Describe()
    {
        var n = Volatile.Read(ref _count);
        var first = 1;
        var start = Columns[(int)JournalStageCycleColumn.Start];
        while (first < n && start[first] - start[0] < SkipTicks)
        {
            first++;
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"journal cycles {n - first} (after {SkipTicks * 1000 / Stopwatch.Frequency} ms)\n");
        text.Append("phase: wall p50 p90 mean | on-cpu p50 mean | run-queue p50 mean (µs)\n");
        Phase(text, "gap (previous fsync end -> batch start)", first, n, JournalStageCycleColumn.SyncEnd, JournalStageCycleColumn.Start, previous: true);
        Phase(text, "batch (serialize, decided callbacks)", first, n, JournalStageCycleColumn.Start, JournalStageCycleColumn.CommitStart, previous: false);
        Phase(text, "write", first, n, JournalStageCycleColumn.CommitStart, JournalStageCycleColumn.WriteEnd, previous: false);
        Phase(text, "fsync", first, n, JournalStageCycleColumn.WriteEnd, JournalStageCycleColumn.SyncEnd, previous: false);
        Phase(text, "cycle (batch start -> fsync end)", first, n, JournalStageCycleColumn.Start, JournalStageCycleColumn.SyncEnd, previous: false);
        var wake = new List<double>();
        var slots = 0L;
        for (var i = first; i < n; i++)
        {
            slots += Columns[(int)JournalStageCycleColumn.Slots][i];
            var published = Columns[(int)JournalStageCycleColumn.PublishStart][i];
            if (published != 0)
            {
                wake.Add(Micro(published - Columns[(int)JournalStageCycleColumn.SyncEnd][i]));
            }
        }

        text.Append(CultureInfo.InvariantCulture, $"publish wake (fsync end -> publish batch start): {Stats(wake)}\n");
        text.Append(CultureInfo.InvariantCulture, $"slots per cycle {(double)slots / Math.Max(1, n - first):F2}\n");
        return text.ToString();
    }

    // The span from one mark to another (from the previous cycle's mark when previous is set), as wall time and the
    // journal thread's on-CPU and run-queue time within it.
    private static void Phase(StringBuilder text, string name, int first, int n, JournalStageCycleColumn from,
        JournalStageCycleColumn to, bool previous)
    {
        var wall = new List<double>();
        var cpu = new List<double>();
        var queue = new List<double>();
        for (var i = Math.Max(first, previous ? 1 : 0); i < n; i++)
        {
            var j = previous ? i - 1 : i;
            wall.Add(Micro(Columns[(int)to][i] - Columns[(int)from][j]));
            cpu.Add((Columns[(int)to + 1][i] - Columns[(int)from + 1][j]) / 1000.0);
            queue.Add((Columns[(int)to + 2][i] - Columns[(int)from + 2][j]) / 1000.0);
        }

        text.Append(CultureInfo.InvariantCulture, $"{name}: {Stats(wall)} | {Stats(cpu, brief: true)} | {Stats(queue, brief: true)}\n");
    }

    private static double Micro(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;

    private static string Stats(List<double> values, bool brief = false)
    {
        if (values.Count == 0)
        {
            return "-";
        }

        values.Sort();
        var p50 = values[(values.Count - 1) / 2];
        var p90 = values[(int)((values.Count - 1) * 0.9)];
        var mean = values.Average();
        return brief
            ? string.Create(CultureInfo.InvariantCulture, $"{p50:F0} {mean:F0}")
            : string.Create(CultureInfo.InvariantCulture, $"{p50:F0} {p90:F0} {mean:F0}");
    }
}
