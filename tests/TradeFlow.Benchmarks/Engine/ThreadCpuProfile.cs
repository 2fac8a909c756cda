using System.Globalization;

namespace TradeFlow.Benchmarks.Engine;

/// <summary>
/// CPU time per thread of this process over a measured stretch, from <c>/proc/self/task/*/stat</c> (Linux; utime +
/// stime in clock ticks, 10 ms each): exact per thread, unlike sampled profiles, and cheap enough to take around
/// every round. Threads are keyed by id and shown with their name (<c>ring:DecideStag</c>, the producer is the
/// benchmark's main thread); a thread that ended in between is left out. Used by <see cref="EngineSaturation"/>
/// with <c>TRADEFLOW_THREAD_CPU=1</c> to say which stage's thread spends the µs per command.
/// </summary>
internal sealed class ThreadCpuProfile
{
    // Linux USER_HZ: /proc reports utime and stime in 1/100 s on every mainstream kernel build.
    private const double MicrosecondsPerTick = 10_000;

    private Dictionary<int, (string Name, long Ticks)> _start = [];

    /// <summary>Remembers each thread's CPU time now.</summary>
    public void Reset() => _start = Snapshot();

    /// <summary>Prints each thread's CPU µs per command since <see cref="Reset"/>, busiest first.</summary>
    public void Print(int commands)
    {
        var end = Snapshot();
        var rows = new List<(string Name, double Micros)>();
        foreach (var (tid, (name, ticks)) in end)
        {
            var before = _start.TryGetValue(tid, out var s) ? s.Ticks : 0;
            var delta = ticks - before;
            if (delta > 0)
            {
                rows.Add(($"{name} ({tid})", delta * MicrosecondsPerTick / commands));
            }
        }

        foreach (var (name, micros) in rows.OrderByDescending(r => r.Micros))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  cpu {micros,6:F2} us/cmd  {name}"));
        }
    }

    private static Dictionary<int, (string Name, long Ticks)> Snapshot()
    {
        var result = new Dictionary<int, (string, long)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                // The name is in parentheses and may hold spaces; the fields after the last ')' are fixed:
                // state is field 3, utime 14 and stime 15 (1-based), i.e. indices 11 and 12 after the ')'.
                var close = stat.LastIndexOf(')');
                var open = stat.IndexOf('(', StringComparison.Ordinal);
                var name = stat[(open + 1)..close];
                var fields = stat[(close + 2)..].Split(' ');
                var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                result[int.Parse(Path.GetFileName(dir), CultureInfo.InvariantCulture)] = (name, ticks);
            }
            catch (IOException)
            {
                // The thread ended while we looked.
            }
        }

        return result;
    }
}
