using System.Diagnostics;
using System.Globalization;
using TradeFlow.Postgres;

namespace TradeFlow.Benchmarks.Postgres;

/// <summary>
/// <c>--postgres-copy-cpu</c> for <see cref="JsonColumn.Deferred"/>, where the jsonb copy is written after the commit.
/// With the fill running it prints the appends' rate while the store's fill worker runs beside them and how many
/// events the worker filled in that same window (sustained when the two agree up to the worker's
/// <see cref="PostgresEventStoreOptions.DeferredFillMinimum"/>), and the CPU of the appends' backend and of the fill's backend apart (the worker's connections carry the application name plus
/// " json fill"). With the fill off it prints the appends alone (the fill's backlog grows), then one
/// <see cref="PostgresEventStore.FillDeferredJsonAsync"/> over the whole backlog: the fill's own rate and cost.
/// </summary>
internal static class PostgresCopyCpuDeferred
{
    private const string FillApplicationName = PostgresCopyCpu.ApplicationName + " json fill";

    public static void Run(int commits, int events, bool fillRunning)
    {
        var options = PostgresBenchmarkData.Options(PostgresBenchmarkData.NewSchema("copycpu"), JsonColumn.Deferred, PostgresCopyCpu.ApplicationName, fillRunning);
        try
        {
            using var store = PostgresEventStore.Open(options);
            var commit = PostgresCopyCpu.Committer(store, PostgresBenchmarkData.Events(events));
            PostgresCopyCpu.WarmUp(commit, events);
            // Start with no backlog, so the window measures these commits' fill and nothing of the warm-up's.
            store.FillDeferredJsonAsync().GetAwaiter().GetResult();
            if (fillRunning)
            {
                MeasureWithFill(store, commit, commits, events);
            }
            else
            {
                MeasureThenFill(store, commit, commits, events);
            }
        }
        finally
        {
            PostgresBenchmarkData.DropSchema(options);
        }
    }

    private static void MeasureWithFill(PostgresEventStore store, Action commit, int commits, int events)
    {
        var connectionString = store.Options.ConnectionString;
        var appendBackends = ServerCpu.StoreBackends(connectionString, PostgresCopyCpu.ApplicationName);
        var fillBackends = ServerCpu.ClientBackends(connectionString, FillApplicationName);
        var clock = Stopwatch.StartNew();
        var fillBefore = ServerCpu.Seconds(fillBackends.Contains);
        var filledBefore = store.ReadJsonFilledToAsync().GetAwaiter().GetResult().Value;
        var writers = ServerCpu.ClientBackends(connectionString, PostgresCopyCpu.ApplicationName);
        var activityBefore = ServerActivity.Take(connectionString, store.Options.Schema, writers);
        var before = CostCounters.Take(clock, connectionString, appendBackends);
        for (var i = 0; i < commits; i++)
        {
            commit();
        }

        var appended = CostCounters.Take(clock, connectionString, appendBackends) - before;
        var activity = ServerActivity.Take(connectionString, store.Options.Schema, writers) - activityBefore;
        var fillCpu = ServerCpu.Seconds(fillBackends.Contains) - fillBefore;
        var filled = store.ReadJsonFilledToAsync().GetAwaiter().GetResult().Value - filledBefore;
        var lag = store.HeadPosition.Value - filledBefore - filled;
        var drainStart = clock.Elapsed;
        WaitForFill(store, store.HeadPosition.Value);
        var drain = clock.Elapsed - drainStart;
        double n = (double)commits * events;
        // Sustained means the fill kept pace inside the same window: it filled (almost) as many events as were
        // appended, the rest being less than one DeferredFillMinimum it waits for before filling.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"jsonb deferred, fill running, {commits,4} commits of {events,4}: appends {n / appended.WallSeconds,9:N0} events/s, " +
            $"filled in the same window {filled / appended.WallSeconds,9:N0} events/s ({lag:N0} behind at the last commit, " +
            $"the rest filled {drain.TotalMilliseconds:F0} ms later); client CPU {appended.ClientCpuSeconds * 1e6 / n,6:F2} µs/event; " +
            $"appends' backend {appended.BackendCpuSeconds * 1e6 / n,6:F2}; fill's backend {fillCpu * 1e6 / Math.Max(filled, 1),6:F2} per filled event; " +
            $"all postgres {appended.ServerCpuSeconds * 1e6 / n,6:F2}; WAL {appended.WalBytes / n,5:F0} B/event"));
        Console.WriteLine(activity.Describe(n));
    }

    private static void MeasureThenFill(PostgresEventStore store, Action commit, int commits, int events)
    {
        var connectionString = store.Options.ConnectionString;
        var backends = ServerCpu.StoreBackends(connectionString, PostgresCopyCpu.ApplicationName);
        var clock = Stopwatch.StartNew();
        var writers = ServerCpu.ClientBackends(connectionString, PostgresCopyCpu.ApplicationName);
        var activityBefore = ServerActivity.Take(connectionString, store.Options.Schema, writers);
        var before = CostCounters.Take(clock, connectionString, backends);
        for (var i = 0; i < commits; i++)
        {
            commit();
        }

        var appended = CostCounters.Take(clock, connectionString, backends);
        var activity = ServerActivity.Take(connectionString, store.Options.Schema, writers) - activityBefore;
        store.FillDeferredJsonAsync().GetAwaiter().GetResult();
        var filled = CostCounters.Take(clock, connectionString, backends) - appended;
        var appends = appended - before;
        double n = (double)commits * events;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"jsonb deferred, fill off,     {commits,4} commits of {events,4}: appends {n / appends.WallSeconds,9:N0} events/s; " +
            $"client CPU {appends.ClientCpuSeconds * 1e6 / n,6:F2} µs/event; store's backend {appends.BackendCpuSeconds * 1e6 / n,6:F2}; " +
            $"all postgres {appends.ServerCpuSeconds * 1e6 / n,6:F2}; WAL {appends.WalBytes / n,5:F0} B/event"));
        Console.WriteLine(activity.Describe(n));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    then the fill alone ({store.Options.DeferredFillBatch:N0} positions per transaction): {n / filled.WallSeconds,9:N0} events/s; " +
            $"backend {filled.BackendCpuSeconds * 1e6 / n,6:F2} µs/event; all postgres {filled.ServerCpuSeconds * 1e6 / n,6:F2}; WAL {filled.WalBytes / n,5:F0} B/event"));
    }

    // The worker is woken by each commit's NOTIFY; this only probes its checkpoint (the drain time is measured from
    // the last commit to the first probe that sees the head, so it is at most one probe interval long).
    private static void WaitForFill(PostgresEventStore store, long head)
    {
        var deadline = Stopwatch.StartNew();
        while (store.ReadJsonFilledToAsync().GetAwaiter().GetResult().Value < head)
        {
            if (deadline.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException("The deferred fill did not reach the head within 5 minutes.");
            }

            Thread.Sleep(5);
        }
    }
}
