using System.Diagnostics;
using System.Globalization;
using TradeFlow.Domain.Time;
using TradeFlow.Engine;

namespace TradeFlow.Benchmarks.Engine;

/// <summary>
/// Submit-to-ack latency at a fixed offered rate (<c>dotnet run -c Release -- --engine-latency [store rate count]…</c>).
/// One producer paces captures on a schedule (command i is due at start + i/rate) and the latency of each is
/// measured from its <em>scheduled</em> time to its ack on the publish thread, so a stall delays the commands
/// behind it in the numbers too (no coordinated omission). Percentiles come from a log-linear histogram
/// (buckets within 6.25 %). A warm-up run precedes each measured run on the same engine.
/// </summary>
public static class EngineLatency
{
    private static readonly (EngineStore Store, int Rate, int Count)[] Default =
    [
        (EngineStore.JournalNoFsync, 10_000, 50_000),
        (EngineStore.JournalNoFsync, 100_000, 300_000),
        (EngineStore.JournalFsync, 10_000, 50_000),
        (EngineStore.JournalFsync, 50_000, 150_000),
    ];

    /// <summary>Runs the given scenarios (triples of store, rate per second, count), or the default set.</summary>
    public static void Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 2 && args[0] == "recovery")
        {
            MeasureRecovery(int.Parse(args[1], CultureInfo.InvariantCulture));
            return;
        }

        if (args.Length == 4 && args[0] == "saturate")
        {
            EngineSaturation.Run(Enum.Parse<EngineStore>(args[1]), int.Parse(args[2], CultureInfo.InvariantCulture),
                int.Parse(args[3], CultureInfo.InvariantCulture));
            return;
        }

        var scenarios = args.Length >= 3
            ? Enumerable.Range(0, args.Length / 3).Select(i => (Enum.Parse<EngineStore>(args[i * 3]),
                int.Parse(args[(i * 3) + 1], CultureInfo.InvariantCulture), int.Parse(args[(i * 3) + 2], CultureInfo.InvariantCulture))).ToArray()
            : Default;
        Console.WriteLine("| store | offered/s | commands | achieved/s | p50 µs | p99 µs | p99.9 µs | max µs | commands/commit | commit mean µs | commits/s | commands/write | wait |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (store, rate, count) in scenarios)
        {
            Console.WriteLine(Measure(store, rate, count));
        }
    }

    private static string Measure(EngineStore kind, int rate, int count)
    {
        var (store, directory) = EngineBenchData.OpenStore(kind);
        try
        {
            var engine = new TradeEngine(new EngineOptions(store, EngineBenchData.ReferenceData(), SystemClock.Instance)
            {
                WaitStrategy = WaitStrategyFromEnvironment(),
                PipelinedCommits = PipelinedCommitsFromEnvironment(),
                CheckPlacement = CheckPlacementFromEnvironment(),
            });
            engine.Start();
            using (var warmup = new LatencyCompletion(Math.Min(count, 20_000)))
            {
                Pace(engine, EngineBenchData.Captures(Math.Min(count, 20_000), "warmup"), rate, warmup);
            }

            var commitsBefore = engine.Commits;
            var writesBefore = engine.Writes;
            using var completion = new LatencyCompletion(count);
            var elapsed = Pace(engine, EngineBenchData.Captures(count, "measured"), rate, completion);
            var commitMean = engine.Metrics.CommitLatencyMeanMicroseconds;
            engine.Stop(TimeSpan.FromSeconds(60));
            // Read after the stop (exact): a commit is a durable point (an fsync when the store pipelines its commits),
            // a write is one of the store's commits; several writes may share one fsync.
            var commits = engine.Commits - commitsBefore;
            var writes = engine.Writes - writesBefore;
            var h = completion.Histogram;
            return string.Create(CultureInfo.InvariantCulture,
                $"| {kind} | {rate:N0} | {count:N0} | {count / elapsed.TotalSeconds:N0} | {Micros(h.Percentile(50))} | {Micros(h.Percentile(99))} | {Micros(h.Percentile(99.9))} | {Micros(h.Max)} | {(double)count / Math.Max(1, commits):N1} | {commitMean:N1} | {commits / elapsed.TotalSeconds:N0} | {(double)count / Math.Max(1, writes):N1} | {Environment.GetEnvironmentVariable("TRADEFLOW_WAIT") ?? "default"}{(SleepPacing ? ", sleep-paced" : "")} |");
        }
        finally
        {
            EngineBenchData.Delete(store, directory);
        }
    }

    // Fills a no-fsync journal with `count` captures, then times a new engine's Start (a full read and fold).
    private static void MeasureRecovery(int count)
    {
        var (store, directory) = EngineBenchData.OpenStore(EngineStore.JournalNoFsync);
        try
        {
            var data = EngineBenchData.ReferenceData();
            var first = new TradeEngine(new EngineOptions(store, data, SystemClock.Instance));
            first.Start();
            using (var completion = new LatencyCompletion(count))
            {
                Pace(first, EngineBenchData.Captures(count, "recovery"), 10_000_000, completion);
            }

            first.Stop(TimeSpan.FromSeconds(60));
            var hash = first.ComputeStateHash();
            var second = new TradeEngine(new EngineOptions(store, data, SystemClock.Instance));
            second.Start();
            second.Stop(TimeSpan.FromSeconds(60));
            var report = second.Recovery;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"recovery: {report.Events:N0} events in {report.Elapsed.TotalMilliseconds:N0} ms = {report.Events / report.Elapsed.TotalSeconds:N0} events/s; same state: {hash == second.ComputeStateHash()}"));
        }
        finally
        {
            EngineBenchData.Delete(store, directory);
        }
    }

    // TRADEFLOW_PIPELINED_COMMITS=1 turns on the engine's pipelined group commit (off by default) for a comparison run.
    internal static bool PipelinedCommitsFromEnvironment() => Environment.GetEnvironmentVariable("TRADEFLOW_PIPELINED_COMMITS") == "1";

    // TRADEFLOW_CHECKS=one runs risk and compliance on one stage thread, =two on a thread each, =inline on the decide
    // thread; unset = the engine's default for this machine (EngineOptions.DefaultCheckPlacement).
    internal static CheckPlacement CheckPlacementFromEnvironment() => Environment.GetEnvironmentVariable("TRADEFLOW_CHECKS") switch
    {
        null or "" => EngineOptions.DefaultCheckPlacement(Environment.ProcessorCount),
        "one" => CheckPlacement.SharedThread,
        "two" => CheckPlacement.ThreadEach,
        "inline" => CheckPlacement.DecideThread,
        var name => throw new ArgumentException($"Unknown TRADEFLOW_CHECKS '{name}' (one, two or inline)."),
    };

    // TRADEFLOW_WAIT picks the ring's wait strategy for a comparison run: "hybrid:N" (N spins), "pulseall:N" (the previous hybrid, which woke every sleeper), "blocking",
    // "yielding", "sleeping" or "busyspin"; unset = the engine's default.
    internal static TradeFlow.Ring.WaitStrategies.IWaitStrategy? WaitStrategyFromEnvironment()
    {
        var name = Environment.GetEnvironmentVariable("TRADEFLOW_WAIT");
        return name switch
        {
            null or "" or "default" => null,
            "blocking" => new TradeFlow.Ring.WaitStrategies.BlockingWaitStrategy(),
            "yielding" => new TradeFlow.Ring.WaitStrategies.YieldingWaitStrategy(),
            "sleeping" => new TradeFlow.Ring.WaitStrategies.SleepingWaitStrategy(),
            "busyspin" => new TradeFlow.Ring.WaitStrategies.BusySpinWaitStrategy(),
            _ when name.StartsWith("hybrid:", StringComparison.Ordinal) =>
                new TradeFlow.Ring.WaitStrategies.HybridWaitStrategy(int.Parse(name[7..], CultureInfo.InvariantCulture)),
            _ when name.StartsWith("pulseall:", StringComparison.Ordinal) =>
                new PulseAllHybridWaitStrategy(int.Parse(name[9..], CultureInfo.InvariantCulture)),
            _ => throw new ArgumentException($"Unknown TRADEFLOW_WAIT '{name}'."),
        };
    }

    // TRADEFLOW_PACE=sleep: the producer sleeps between commands instead of yielding (see Pace).
    private static bool SleepPacing => Environment.GetEnvironmentVariable("TRADEFLOW_PACE") == "sleep";

    private static TimeSpan Pace(TradeEngine engine, TradeFlow.Domain.Trades.BookTrade[] captures, int rate, LatencyCompletion completion)
    {
        var interval = (double)Stopwatch.Frequency / rate;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < captures.Length; i++)
        {
            var due = start + (long)(i * interval);
            completion.Scheduled[i] = due;
            long now;
            if (SleepPacing)
            {
                // A gateway blocked on its socket, not a producer yielding on a core the stages need:
                // sleep until due, and time from the actual submit (the oversleep is the producer's, not the engine's).
                while (Stopwatch.GetTimestamp() < due)
                {
                    Thread.Sleep(1);
                }

                completion.Scheduled[i] = Stopwatch.GetTimestamp();
            }

            while ((now = Stopwatch.GetTimestamp()) < due)
            {
                // Sleep when far ahead; otherwise yield, so the producer hands its core to the stages.
                if (due - now > Stopwatch.Frequency / 500)
                {
                    Thread.Sleep(1);
                }
                else
                {
                    Thread.Yield();
                }
            }

            engine.Submit(new EngineCommand(captures[i], "FIX:CLIENT1", "JSMITH"), completion, i);
        }

        completion.Wait();
        return Stopwatch.GetElapsedTime(start);
    }

    private static string Micros(long nanoseconds) => (nanoseconds / 1000.0).ToString("N1", CultureInfo.InvariantCulture);

    private sealed class LatencyCompletion(int count) : ICommandCompletion, IDisposable
    {
        private readonly ManualResetEventSlim _done = new(false);
        private int _remaining = count;

        public long[] Scheduled { get; } = new long[count];

        public LatencyHistogram Histogram { get; } = new();

        public void OnCompleted(long token, in CommandOutcome outcome)
        {
            if (!outcome.IsAccepted)
            {
                throw new InvalidOperationException($"Capture {token} was not accepted: {outcome}");
            }

            // Recorded on the publish thread only; Wait() below orders it before the reader.
            var ticks = Stopwatch.GetTimestamp() - Scheduled[token];
            Histogram.Record((long)(ticks * (1_000_000_000.0 / Stopwatch.Frequency)));
            if (--_remaining == 0)
            {
                _done.Set();
            }
        }

        public void Wait()
        {
            if (!_done.Wait(TimeSpan.FromMinutes(5)))
            {
                throw new TimeoutException($"{_remaining} acks missing after 5 minutes.");
            }
        }

        public void Dispose() => _done.Dispose();
    }
}
