using System.Diagnostics;

namespace TradeFlow.Benchmarks.Postgres;

/// <summary>
/// What an append run costs, read at one moment: wall clock, this process's CPU, the CPU of the store's server processes
/// and of all <c>postgres</c> processes, the server's WAL position and this process's allocated bytes. The difference
/// of two readings is the cost of what ran between them.
/// </summary>
internal readonly record struct CostCounters(double WallSeconds, double ClientCpuSeconds, double BackendCpuSeconds, double ServerCpuSeconds, long WalBytes, long AllocatedBytes)
{
    /// <summary>Reads every counter now; <paramref name="backends"/> are the pids counted as the store's own.</summary>
    public static CostCounters Take(Stopwatch clock, string connectionString, HashSet<int> backends) => new(
        clock.Elapsed.TotalSeconds,
        Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds,
        ServerCpu.Seconds(backends.Contains),
        ServerCpu.Seconds(_ => true),
        ServerCpu.WalPosition(connectionString),
        GC.GetTotalAllocatedBytes(precise: true));

    /// <summary>The cost between two readings.</summary>
    public static CostCounters operator -(CostCounters after, CostCounters before) => new(
        after.WallSeconds - before.WallSeconds,
        after.ClientCpuSeconds - before.ClientCpuSeconds,
        after.BackendCpuSeconds - before.BackendCpuSeconds,
        after.ServerCpuSeconds - before.ServerCpuSeconds,
        after.WalBytes - before.WalBytes,
        after.AllocatedBytes - before.AllocatedBytes);
}
