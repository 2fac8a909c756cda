using System.Diagnostics;
using TradeFlow.Domain.Trades;
using TradeFlow.Engine;
using TradeFlow.EventSourcing;

namespace TradeFlow.Server.Demo;

/// <summary>Accumulates the demo's counts and capture latencies, then turns them into the report and its checks.</summary>
internal sealed class DemoTally
{
    private readonly Dictionary<string, long> _byKind = [];
    private readonly Dictionary<string, long> _rejectionsByCode = [];
    private readonly List<long> _captureLatencyTicks = [];
    private long _submitted;
    private long _accepted;
    private long _rejected;
    private long _failed;
    private long _warnings;
    private long _duplicates;
    private int _captures;
    private TimeSpan _captureTime;

    public List<DemoRefusal> Refusals { get; } = [];

    public long Commits { get; set; }

    public TimeSpan Elapsed { get; set; }

    public void Record<TCommand>(IReadOnlyList<TCommand> commands, OutcomeRecorder recorder, TimeSpan? captureBatchTime)
        where TCommand : TradeCommand
    {
        for (var i = 0; i < commands.Count; i++)
        {
            var outcome = recorder.Outcomes[i];
            Increment(_byKind, commands[i].Kind.ToString());
            _submitted++;
            _warnings += outcome.Warnings.Length;
            _duplicates += outcome.IsDuplicate ? 1 : 0;
            switch (outcome.Status)
            {
                case CommandStatus.Accepted: _accepted++; break;
                case CommandStatus.Rejected:
                    _rejected++;
                    foreach (var reason in outcome.Reasons)
                    {
                        Increment(_rejectionsByCode, reason.Code.ToString());
                    }

                    break;
                default: _failed++; break;
            }
        }

        if (captureBatchTime is { } time)
        {
            _captures += commands.Count;
            _captureTime += time;
            _captureLatencyTicks.AddRange(recorder.LatencyTicks);
        }
    }

    public DemoReport ToReport(DemoSettings settings, GlobalPosition head, DemoUserViews views, DemoRestart restart)
    {
        var run = new DemoRunSummary(settings.Trades, _submitted, _accepted, _rejected, _failed, _warnings, head.Value, Commits,
            _captureTime > TimeSpan.Zero ? Math.Round(_captures / _captureTime.TotalSeconds) : 0, Math.Round(Elapsed.TotalSeconds, 2),
            settings.DataDirectory);
        return new DemoReport(run, Counts(_byKind), Counts(_rejectionsByCode), Refusals, Latency(), views, restart, Checks(views, restart));
    }

    private List<DemoCheck> Checks(DemoUserViews views, DemoRestart restart) =>
    [
        new("trial balance sums to zero in every currency", views.TrialBalance.All(t => t.Net == 0m),
            string.Join(", ", views.TrialBalance.Select(t => $"{t.Currency} {t.Net}"))),
        new("no counterparty over its hard limit", views.CounterpartyExposure.All(e => e.Headroom >= 0m),
            string.Join(", ", views.CounterpartyExposure.Select(e => $"{e.Counterparty} {e.UtilisationPercent}%"))),
        new("every command acknowledged after its events were durable", _failed == 0, $"{_submitted:N0} submitted, {_accepted + _rejected:N0} answered, {_failed} failed"),
        new("no fresh capture mistaken for a duplicate", _duplicates == 0, $"{_duplicates} of {_submitted:N0} answered as duplicates during the run"),
        new("every bad capture refused", Refusals.All(r => r.Status == nameof(CommandStatus.Rejected)), string.Join("; ", Refusals.Select(r => $"{r.Expectation}: {r.Status}"))),
        new("restart rebuilds the same decision state", restart.StateHashBefore == restart.StateHashAfter, $"state hash {Short(restart.StateHashAfter)}"),
        new("a resent capture gets its original answer", restart.ResentCaptureAnsweredAsDuplicate, "first capture resent after restart"),
        new("a resent capture writes nothing", restart.ResentCaptureWroteNothing, "journal head unchanged"),
    ];

    private DemoLatency Latency()
    {
        var sorted = _captureLatencyTicks.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new DemoLatency(0, 0, 0, 0, 0, 0);
        }

        double Micros(double quantile) => Math.Round(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)] * 1_000_000.0 / Stopwatch.Frequency, 1);
        return new DemoLatency(sorted.Length, Micros(0.50), Micros(0.90), Micros(0.99), Micros(0.999), Micros(1.0));
    }

    private static List<DemoCount> Counts(Dictionary<string, long> counts) =>
        [.. counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new DemoCount(kv.Key, kv.Value))];

    private static void Increment(Dictionary<string, long> counts, string key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    private static string Short(string hash) => hash.Length > 16 ? hash[..16] : hash;
}
