using System.Diagnostics;
using System.Globalization;
using TradeFlow.EventSourcing;
using TradeFlow.Postgres;

namespace TradeFlow.Benchmarks.Postgres;

/// <summary>
/// Where an append's CPU goes, client and server apart — a question BenchmarkDotNet's wall time cannot answer on a
/// 2-core machine where the client, the server and other work share the cores. For each shape of commit (by default
/// only 1,000-event COPY; <c>--shapes</c> adds single-event and 100-event INSERT commits, side by side in one run),
/// with and without the jsonb copy, it prints events/s (wall), this process's CPU per event, the CPU per event of the
/// store's own backend(s) and of every <c>postgres</c> process on the machine (from <c>/proc</c>, so that last figure
/// includes the WAL writer, the checkpointer and anyone else's sessions; a process that exits during the run, such as
/// an autovacuum worker, takes its CPU out of the second reading, so a run where "all postgres" is below "store's
/// backend" is to be discarded).
/// <c>dotnet run -c Release --project tests/TradeFlow.Benchmarks -- --postgres-copy-cpu [COMMITS] [EVENTS] [--shapes] [--spin] [--modes inline,deferred,none]</c>.
/// </summary>
internal static class PostgresCopyCpu
{
    private const int Streams = 10;
    internal const string ApplicationName = "tradeflow-copycpu";

    public static void Run(string[] args)
    {
        // As the tradeflow server's runtimeconfig does: idle thread-pool workers block instead of spinning on the
        // 2 cores the server needs. It must be set before the pool's first work item; --spin keeps .NET's default.
        if (!args.Contains("--spin"))
        {
            AppContext.SetData("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit", 0);
        }

        var numbers = args.Where(a => a.Length > 0 && a.All(char.IsAsciiDigit)).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
        var commits = numbers.Length > 0 ? numbers[0] : 300;
        var batch = numbers.Length > 1 ? numbers[1] : 1000;
        (int Commits, int Events)[] shapes = args.Contains("--shapes")
            ? [(Math.Max(commits, 500), 1), (commits * 3, 100), (commits, batch)]
            : [(commits, batch)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load average {File.ReadAllText("/proc/loadavg")[..14]}, thread-pool spinning {(args.Contains("--spin") ? "default" : "off")}"));
        // --modes inline,deferred,none (the default: all three); "deferred" runs twice, with the store's fill worker
        // running beside the appends and with it off followed by the fill alone (PostgresCopyCpuDeferred).
        Console.WriteLine(ServerActivity.Settings(PostgresBenchmarkData.Options("public").ConnectionString));
        var modes = args.SkipWhile(a => a != "--modes").Skip(1).FirstOrDefault()?.Split(',') ?? ["inline", "deferred", "none"];
        foreach (var mode in modes)
        {
            foreach (var (n, events) in shapes)
            {
                if (mode == "deferred")
                {
                    PostgresCopyCpuDeferred.Run(n, events, fillRunning: true);
                    PostgresCopyCpuDeferred.Run(n, events, fillRunning: false);
                }
                else
                {
                    RunShape(mode == "inline", n, events);
                }
            }
        }
    }

    private static void RunShape(bool json, int commits, int events)
    {
        var options = PostgresBenchmarkData.Options(PostgresBenchmarkData.NewSchema("copycpu"), json, ApplicationName);
        try
        {
            using var store = PostgresEventStore.Open(options);
            Measure(store, PostgresBenchmarkData.Events(events), commits, json);
        }
        finally
        {
            PostgresBenchmarkData.DropSchema(options);
        }
    }

    /// <summary>A commit of <paramref name="events"/> spread over up to 10 new streams, as the benchmarks append them.</summary>
    internal static Action Committer(PostgresEventStore store, EventData[] events)
    {
        var streams = Math.Min(Streams, events.Length);
        long stream = 0;
        return () =>
        {
            var perStream = events.Length / streams;
            var appends = new StreamAppend[streams];
            for (var s = 0; s < streams; s++)
            {
                appends[s] = new StreamAppend($"trade-{++stream}", ExpectedVersion.NoStream, events.AsMemory(s * perStream, perStream));
            }

            store.AppendMultiple(appends).EnsureSuccess();
        };
    }

    /// <summary>
    /// Warm-up long enough for tiered JIT to finish recompiling the hot path (with 10 commits the JIT's background
    /// compiles landed inside the measurement: ~20 % of the client's samples in a perf profile).
    /// </summary>
    internal static void WarmUp(Action commit, int events)
    {
        for (var i = 0; i < Math.Clamp(50_000 / events, 50, 500); i++)
        {
            commit();
        }

        SettleJit(commit, Math.Clamp(20_000 / events, 20, 100));
    }

    private static void Measure(PostgresEventStore store, EventData[] events, int commits, bool json)
    {
        var commit = Committer(store, events);
        WarmUp(commit, events.Length);

        var connectionString = store.Options.ConnectionString;
        var backends = ServerCpu.StoreBackends(connectionString, ApplicationName);
        var clock = Stopwatch.StartNew();
        var threadsBefore = ThreadCpu.ByName();
        var workItemsBefore = ThreadPool.CompletedWorkItemCount;
        var writers = ServerCpu.ClientBackends(connectionString, PostgresCopyCpu.ApplicationName);
        var activityBefore = ServerActivity.Take(connectionString, store.Options.Schema, writers);
        var before = CostCounters.Take(clock, connectionString, backends);
        for (var i = 0; i < commits; i++)
        {
            commit();
        }

        var cost = CostCounters.Take(clock, connectionString, backends) - before;
        var activity = ServerActivity.Take(connectionString, store.Options.Schema, writers) - activityBefore;
        var threads = ThreadCpu.Difference(threadsBefore, ThreadCpu.ByName(), (double)commits * events.Length);
        Print(cost, (double)commits * events.Length, commits, events.Length, json);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    thread-pool work items per commit {(ThreadPool.CompletedWorkItemCount - workItemsBefore) / (double)commits:F1}; client CPU by thread, µs/event: {threads}"));
        Console.WriteLine(activity.Describe((double)commits * events.Length));
    }

    // The first shape of a run still had the tiered JIT's background compiles in its window after the fixed warm-up:
    // 1,260–1,840 µs/event of the single-event shape's client CPU was the ".NET Tiered Com" thread. Batches of commits
    // (each longer than the JIT's 100 ms call-counting delay) go on until one compiles nothing new, at most 20.
    private static void SettleJit(Action commit, int commitsPerBatch)
    {
        for (var batch = 0; batch < 20; batch++)
        {
            var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            for (var i = 0; i < commitsPerBatch; i++)
            {
                commit();
            }

            if (System.Runtime.JitInfo.GetCompiledMethodCount() == compiled)
            {
                return;
            }
        }
    }

    private static void Print(CostCounters cost, double n, int commits, int events, bool json) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"jsonb copy {(json ? "on " : "off")}, {commits,4} commits of {events,4}: {n / cost.WallSeconds,9:N0} events/s; " +
            $"client CPU {cost.ClientCpuSeconds * 1e6 / n,6:F2} µs/event; store's backend {cost.BackendCpuSeconds * 1e6 / n,6:F2}; " +
            $"all postgres {cost.ServerCpuSeconds * 1e6 / n,6:F2}; WAL {cost.WalBytes / n,5:F0} B/event; client allocated {cost.AllocatedBytes / n,6:F0} B/event"));
}
