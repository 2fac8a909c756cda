using System.Diagnostics;
using System.Globalization;
using TradeFlow.EventSourcing;
using TradeFlow.Postgres;

namespace TradeFlow.Benchmarks.Postgres;

/// <summary>
/// Where a 1,000-event COPY commit spends its CPU, client and server apart — a question BenchmarkDotNet's wall time
/// cannot answer on a 2-core machine where the client, the server and other work share the cores. Runs N commits of
/// the same events as <see cref="PostgresAppendBenchmarks"/> with and without the jsonb copy and prints events/s
/// (wall), this process's CPU per event and the CPU per event of every <c>postgres</c> process on the machine (from
/// <c>/proc</c>, so it includes the WAL writer and checkpointer: run it against a server nothing else uses).
/// <c>dotnet run -c Release --project tests/TradeFlow.Benchmarks -- --postgres-copy-cpu [COMMITS] [EVENTS]</c>.
/// </summary>
internal static class PostgresCopyCpu
{
    private const int Streams = 10;

    public static void Run(string[] args)
    {
        var commits = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 300;
        var batch = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
        foreach (var json in new[] { true, false })
        {
            var options = PostgresBenchmarkData.Options(PostgresBenchmarkData.NewSchema("copycpu"), json);
            try
            {
                using var store = PostgresEventStore.Open(options);
                Measure(store, PostgresBenchmarkData.Events(batch), commits, json);
            }
            finally
            {
                PostgresBenchmarkData.DropSchema(options);
            }
        }
    }

    private static void Measure(PostgresEventStore store, EventData[] events, int commits, bool json)
    {
        long stream = 0;
        void Commit()
        {
            var perStream = events.Length / Streams;
            var appends = new StreamAppend[Streams];
            for (var s = 0; s < Streams; s++)
            {
                appends[s] = new StreamAppend($"trade-{++stream}", ExpectedVersion.NoStream, events.AsMemory(s * perStream, perStream));
            }

            store.AppendMultiple(appends).EnsureSuccess();
        }

        for (var i = 0; i < 10; i++)
        {
            Commit(); // warm-up: JIT, prepared statements, the connection pool
        }

        var server = ServerCpuSeconds();
        var client = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < commits; i++)
        {
            Commit();
        }

        var elapsed = wall.Elapsed;
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime - client;
        var serverCpu = ServerCpuSeconds() - server;
        double n = (double)commits * events.Length;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"jsonb copy {(json ? "on " : "off")}: {n / elapsed.TotalSeconds,9:N0} events/s; client CPU {clientCpu.TotalMicroseconds / n,5:F2} µs/event; server CPU {serverCpu * 1e6 / n,5:F2} µs/event"));
    }

    // utime + stime of every process named postgres, in seconds (USER_HZ is 100 on Linux).
    private static double ServerCpuSeconds()
    {
        double ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (!File.ReadAllText(Path.Combine(dir, "comm")).StartsWith("postgres", StringComparison.Ordinal))
                {
                    continue;
                }

                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The process ended between listing and reading.
            }
        }

        return ticks / 100.0;
    }
}
