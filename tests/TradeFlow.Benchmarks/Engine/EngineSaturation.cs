using System.Diagnostics;
using System.Globalization;
using TradeFlow.Domain.Time;
using TradeFlow.Engine;

namespace TradeFlow.Benchmarks.Engine;

/// <summary>
/// Saturated throughput with the garbage collector's side of it (<c>--engine-latency saturate store count rounds</c>):
/// the <see cref="EnginePipelineBenchmarks"/> loop — a fresh engine, <c>count</c> submits from one thread, wait
/// for the last ack — repeated <c>rounds</c> times in one process (round 0 includes JIT warm-up), printing wall
/// and process-CPU µs per command, bytes allocated per command, collections per generation and the total GC
/// pause. CPU per command is the steadier figure on a shared machine: other tenants taking the cores stretch
/// the wall time, not the work. <c>TRADEFLOW_WAIT</c> picks the wait strategy as in <see cref="EngineLatency"/>;
/// <c>TRADEFLOW_ALLOC_PROFILE=1</c> adds a sampled allocation profile per thread (<see cref="AllocationProfile"/>),
/// <c>TRADEFLOW_THREAD_CPU=1</c> the CPU time per thread (<see cref="ThreadCpuProfile"/>), <c>TRADEFLOW_GC_TRACE=1</c> each collection's
/// generation and reason (<see cref="GcTrace"/>; <c>all</c>: every collection, with its promotions and sizes);
/// <c>TRADEFLOW_RETAINED=1</c> the bytes the captures and the round's engine and store keep alive (full collections
/// around the measured stretch: a diagnostic, not a timing run); <c>TRADEFLOW_CHECKS=one|two|inline</c> places
/// risk and compliance on one stage thread, a thread each or the decide thread; <c>TRADEFLOW_EXPECTED_TRADES=N</c> sizes the decision state up front
/// (<see cref="EngineOptions.ExpectedTrades"/>), <c>TRADEFLOW_EXPECTED_STREAMS=N</c> the journal's stream table
/// (<see cref="TradeFlow.Journal.JournalOptions.ExpectedStreams"/>); <c>TRADEFLOW_SUBMIT_BATCH=N</c> submits N commands per
/// <see cref="TradeEngine.SubmitMany"/>.
/// </summary>
public static class EngineSaturation
{
    /// <summary>Runs <paramref name="rounds"/> rounds of <paramref name="count"/> captures over <paramref name="kind"/>.</summary>
    public static void Run(EngineStore kind, int count, int rounds)
    {
        using var profile = Environment.GetEnvironmentVariable("TRADEFLOW_ALLOC_PROFILE") == "1" ? new AllocationProfile() : null;
        var threads = Environment.GetEnvironmentVariable("TRADEFLOW_THREAD_CPU") == "1" ? new ThreadCpuProfile() : null;
        using var gcTrace = Environment.GetEnvironmentVariable("TRADEFLOW_GC_TRACE") switch
        {
            "1" => new GcTrace(verbose: false),
            "all" => new GcTrace(verbose: true),
            _ => null,
        };
        for (var round = 0; round < rounds; round++)
        {
            var (store, directory) = EngineBenchData.OpenStore(kind);
            try
            {
                var engine = new TradeEngine(new EngineOptions(store, EngineBenchData.ReferenceData(), SystemClock.Instance)
                {
                    WaitStrategy = EngineLatency.WaitStrategyFromEnvironment(),
                    PipelinedCommits = EngineLatency.PipelinedCommitsFromEnvironment(),
                    CheckPlacement = EngineLatency.CheckPlacementFromEnvironment(),
                    ExpectedTrades = ExpectedTrades,
                });
                engine.Start();
                var beforeCaptures = Retained ? HeapAfterFullCollection() : 0;
                var captures = EngineBenchData.Captures(count, "r" + round.ToString(CultureInfo.InvariantCulture));
                var beforeRound = Retained ? HeapAfterFullCollection() : 0;
                profile?.Reset();
                threads?.Reset();
                gcTrace?.Reset();
                Console.WriteLine(Measure(engine, captures, $"{kind} round {round} checks {EngineLatency.CheckPlacementFromEnvironment()} batch {SubmitBatch}"));
                profile?.Print(count);
                threads?.Print(count);
                gcTrace?.Print();
                if (Retained)
                {
                    var afterRound = HeapAfterFullCollection();
                    GC.KeepAlive(captures);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  retained: captures {(beforeRound - beforeCaptures) / (double)count:F1} B/cmd, engine and store after the round {(afterRound - beforeRound) / (double)count:F1} B/cmd"));
                }

                engine.Stop(TimeSpan.FromSeconds(60));
            }
            finally
            {
                EngineBenchData.Delete(store, directory);
            }
        }
    }

    // TRADEFLOW_RETAINED=1: full collections outside the measured stretch (they move the runtime's budgets, so not for
    // timing runs) weigh what the captures and the round's engine and store keep alive, per command.
    private static bool Retained => Environment.GetEnvironmentVariable("TRADEFLOW_RETAINED") == "1";

    private static long HeapAfterFullCollection()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: false);
    }

    // TRADEFLOW_EXPECTED_TRADES=N: the engine's decision state is sized for N trades up front (EngineOptions.ExpectedTrades).
    private static int ExpectedTrades =>
        int.TryParse(Environment.GetEnvironmentVariable("TRADEFLOW_EXPECTED_TRADES"), CultureInfo.InvariantCulture, out var n) ? n : 0;

    // TRADEFLOW_SUBMIT_BATCH=N: the producer hands the engine N commands per SubmitMany instead of one per Submit.
    private static int SubmitBatch =>
        int.TryParse(Environment.GetEnvironmentVariable("TRADEFLOW_SUBMIT_BATCH"), CultureInfo.InvariantCulture, out var n) ? n : 1;

    private static string Measure(TradeEngine engine, TradeFlow.Domain.Trades.BookTrade[] captures, string label)
    {
        using var completion = new CountdownCompletion();
        completion.Reset(captures.Length);
        int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
        var pause = GC.GetTotalPauseDuration();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        SubmitAll(engine, captures, completion);
        completion.Wait();
        wall.Stop();
        process.Refresh();
        double n = captures.Length;
        return string.Create(CultureInfo.InvariantCulture,
            $"{label}: {wall.Elapsed.TotalMicroseconds / n:F2} us/cmd, {n / wall.Elapsed.TotalSeconds:N0}/s, cpu {(process.TotalProcessorTime - cpu).TotalMicroseconds / n:F2} us/cmd, {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / n:F0} B/cmd, gc0 {GC.CollectionCount(0) - gen0} gc1 {GC.CollectionCount(1) - gen1} gc2 {GC.CollectionCount(2) - gen2}, pause {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F0} ms, commits {engine.Commits}, writes {engine.Writes}, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
    }

    private static void SubmitAll(TradeEngine engine, TradeFlow.Domain.Trades.BookTrade[] captures, CountdownCompletion completion)
    {
        var batch = SubmitBatch;
        if (batch <= 1)
        {
            for (var i = 0; i < captures.Length; i++)
            {
                engine.Submit(new EngineCommand(captures[i], "FIX:CLIENT1", "JSMITH"), completion, i);
            }
        }
        else
        {
            // As a gateway would with one socket read's worth of commands: one reused array, filled then handed over.
            var commands = new EngineCommand[batch];
            for (var i = 0; i < captures.Length; i += batch)
            {
                var n = Math.Min(batch, captures.Length - i);
                for (var j = 0; j < n; j++)
                {
                    commands[j] = new EngineCommand(captures[i + j], "FIX:CLIENT1", "JSMITH");
                }

                engine.SubmitMany(commands.AsSpan(0, n), completion, i);
            }
        }
    }
}
