using System.Diagnostics;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Engine;
using TradeFlow.EventSourcing;

namespace TradeFlow.Server.Demo;

/// <summary>Accumulates the demo's counts (by command, channel and rejection code) and the FIX capture ack latencies, then turns them into the report and its checks.</summary>
internal sealed class DemoTally
{
    /// <summary>The channel of commands sent over the FIX gateway (sessions CLIENT1, CLIENT2 → TRADEFLOW).</summary>
    public const string Fix = "FIX";

    /// <summary>The channel of commands sent over the HTTP API with the run's back-office key.</summary>
    public const string Http = "HTTP";

    /// <summary>The channel of commands submitted straight into the server's engine: no FIX message or HTTP endpoint carries them.</summary>
    public const string Engine = "engine";

    private readonly Dictionary<string, long> _byKind = [];
    private readonly Dictionary<string, long> _byChannel = [];
    private readonly Dictionary<string, long> _rejectionsByCode = [];
    private readonly List<long> _captureLatencyTicks = [];
    private readonly HashSet<TradeId> _bookedTrades = [];
    private long _submitted;
    private long _accepted;
    private long _rejected;
    private long _failed;
    private long _duplicates;
    private long _warnings;
    private int _captures;
    private TimeSpan _captureTime;

    public List<DemoRefusal> Refusals { get; } = [];

    public long Commits { get; set; }

    public long SessionRejects { get; set; }

    public TimeSpan Elapsed { get; set; }

    /// <summary>
    /// Counts the answers to <paramref name="commands"/> sent over <paramref name="channel"/>; when
    /// <paramref name="captureBatchTime"/> is given they were a wave of captures, timed from first send to last answer.
    /// </summary>
    public void Record<TCommand>(string channel, IReadOnlyList<TCommand> commands, IReadOnlyList<DemoAnswer> answers, TimeSpan? captureBatchTime)
        where TCommand : TradeCommand
    {
        for (var i = 0; i < commands.Count; i++)
        {
            var answer = answers[i];
            Increment(_byKind, commands[i].Kind.ToString());
            Increment(_byChannel, channel);
            _submitted++;
            _warnings += answer.Warnings;
            switch (answer.Status)
            {
                case CommandStatus.Accepted:
                    _accepted++;
                    // A capture answered with a trade another capture booked would be a fresh capture taken for a duplicate.
                    _duplicates += commands[i] is BookTrade && !_bookedTrades.Add(answer.TradeId) ? 1 : 0;
                    break;
                case CommandStatus.Rejected:
                    _rejected++;
                    foreach (var reason in answer.Reasons)
                    {
                        Increment(_rejectionsByCode, Code(reason));
                    }

                    break;
                default: _failed++; break;
            }
        }

        if (captureBatchTime is { } time)
        {
            _captures += commands.Count;
            _captureTime += time;
            _captureLatencyTicks.AddRange(answers.Where(a => a.Status != CommandStatus.Failed).Select(a => a.LatencyTicks));
        }
    }

    public DemoReport ToReport(DemoSettings settings, GlobalPosition head, DemoUserViews views, DemoRestart restart)
    {
        var run = new DemoRunSummary(settings.Trades, _submitted, _accepted, _rejected, _failed, _warnings, head.Value, Commits,
            _captureTime > TimeSpan.Zero ? Math.Round(_captures / _captureTime.TotalSeconds) : 0, Math.Round(Elapsed.TotalSeconds, 2),
            settings.DataDirectory, SessionRejects);
        return new DemoReport(run, Counts(_byKind), Counts(_byChannel), Counts(_rejectionsByCode), Refusals, Latency(), views, restart,
            Checks(views, restart));
    }

    private List<DemoCheck> Checks(DemoUserViews views, DemoRestart restart) =>
    [
        new("trial balance sums to zero in every currency", views.TrialBalance.All(t => t.Net == 0m),
            string.Join(", ", views.TrialBalance.Select(t => $"{t.Currency} {t.Net}"))),
        new("no counterparty over its hard limit", views.CounterpartyExposure.All(e => e.Headroom >= 0m),
            string.Join(", ", views.CounterpartyExposure.Select(e => $"{e.Counterparty} {e.UtilisationPercent}%"))),
        new("every command acknowledged after its events were durable", _failed == 0 && SessionRejects == 0,
            $"{_submitted:N0} sent, {_accepted + _rejected:N0} answered, {_failed} unanswered, {SessionRejects} session-level rejects"),
        new("no fresh capture mistaken for a duplicate", _duplicates == 0, $"{_duplicates} accepted captures answered with another capture's trade"),
        new("every bad capture refused", Refusals.All(r => r.Status == nameof(CommandStatus.Rejected)), string.Join("; ", Refusals.Select(r => $"{r.Expectation}: {r.Status}"))),
        new("restart rebuilds the same decision state", restart.StateHashBefore == restart.StateHashAfter, $"state hash {Short(restart.StateHashAfter)}"),
        new("a resent capture gets its original answer", restart.ResentCaptureAnsweredAsDuplicate, "first capture resent over a new FIX session after the restart"),
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

    // "CreditLimitExceeded: …" counts as CreditLimitExceeded; a gateway refusal (a plain sentence) as GatewayRefusal.
    private static string Code(string reason)
    {
        var colon = reason.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && reason[..colon].All(char.IsAsciiLetter) ? reason[..colon] : "GatewayRefusal";
    }

    private static List<DemoCount> Counts(Dictionary<string, long> counts) =>
        [.. counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new DemoCount(kv.Key, kv.Value))];

    private static void Increment(Dictionary<string, long> counts, string key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    private static string Short(string hash) => hash.Length > 16 ? hash[..16] : hash;
}
