using System.Globalization;

namespace TradeFlow.Benchmarks.Postgres;

/// <summary>
/// CPU time of this process's threads grouped by thread name, from <c>/proc/self/task</c>: tells the append's own
/// thread apart from the JIT's background compiler, the thread pool and the socket engine.
/// </summary>
internal static class ThreadCpu
{
    /// <summary>utime + stime in seconds per thread name, summed over the threads that share it.</summary>
    public static Dictionary<string, double> ByName()
    {
        var seconds = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var dir in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var name = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                seconds[name] = seconds.GetValueOrDefault(name) + ticks / 100.0;
            }
            catch (IOException)
            {
                // The thread ended between listing and reading.
            }
        }

        return seconds;
    }

    /// <summary>"name µs/event" for each thread name whose CPU grew between the two readings, largest first.</summary>
    public static string Difference(Dictionary<string, double> before, Dictionary<string, double> after, double events) =>
        string.Join("; ", after
            .Select(t => (Name: t.Key, Seconds: t.Value - before.GetValueOrDefault(t.Key)))
            .Where(t => t.Seconds > 0)
            .OrderByDescending(t => t.Seconds)
            .Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Name} {t.Seconds * 1e6 / events:F1}")));
}
