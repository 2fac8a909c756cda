using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using TradeFlow.Fix.Session;
using TradeFlow.Fix.Settings;
using TradeFlow.Fix.Transport;

namespace TradeFlow.Server.Bench;

/// <summary>
/// One <c>tradeflow bench e2e</c> run: starts the in-process server (or takes the <c>--target</c>), logs the bench
/// sessions on with TradeFlow's own <see cref="FixInitiator"/> (memory store, sequence numbers reset at Logon so a
/// target's file store does not matter), offers the warm-up then the measured orders open-loop, waits for every
/// final answer, logs out and reports.
/// </summary>
internal static class BenchRun
{
    private static readonly TimeSpan LogonTimeout = TimeSpan.FromSeconds(30);

    // Counted from the last send: the server answers at its own pace, and a slow one is a result, not a failure.
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs the bench; progress lines go to <paramref name="progress"/>.</summary>
    /// <exception cref="TimeoutException">A session did not log on within 30 s.</exception>
    public static async Task<BenchReport> ExecuteAsync(BenchSettings settings, Action<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(progress);
        if (settings.Target is { } target)
        {
            var (host, port) = ParseTarget(target);
            return await LoadAsync(settings, host, port, target, progress, cancellationToken).ConfigureAwait(false);
        }

        var server = await BenchServer.StartAsync(settings.Sessions, settings.ReferenceDataDirectory, cancellationToken).ConfigureAwait(false);
        await using (server.ConfigureAwait(false))
        {
            progress($"in-process server: FIX on {server.FixEndpoint}, embedded journal in {server.DataDirectory}");
            var label = "in-process tradeflow serve, embedded journal (fsync per group commit), fresh data directory";
            return await LoadAsync(settings, "127.0.0.1", server.FixEndpoint.Port, label, progress, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Splits <c>host:port</c>.</summary>
    /// <exception cref="FormatException">Not <c>host:port</c> with a port in 1..65535.</exception>
    public static (string Host, int Port) ParseTarget(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var colon = target.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(target.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new FormatException($"--target '{target}' is not host:port (e.g. 127.0.0.1:9878)");
        }

        return (target[..colon], port);
    }

    /// <summary>The initiator's sessions: BENCH1..BENCH<i>S</i> to TRADEFLOW at <paramref name="host"/>:<paramref name="port"/>.</summary>
    public static string InitiatorConfig(int sessions, string host, int port)
    {
        var cfg = string.Create(CultureInfo.InvariantCulture, $"""
            [DEFAULT]
            ConnectionType=initiator
            BeginString=FIX.4.4
            TargetCompID={BenchSettings.ServerCompId}
            SocketConnectHost={host}
            SocketConnectPort={port}
            HeartBtInt=30
            ReconnectInterval=1
            ResetOnLogon=Y
            NonStopSession=Y
            UseDataDictionary=N

            """);
        return cfg + string.Concat(Enumerable.Range(0, sessions).Select(s => $"[SESSION]\nSenderCompID={BenchSettings.ClientCompId(s)}\n"));
    }

    private static async Task<BenchReport> LoadAsync(BenchSettings settings, string host, int port, string label,
        Action<string> progress, CancellationToken cancellationToken)
    {
        var flow = new BenchOrderFlow(BenchOrderFlow.NewRunId());
        var ledger = new BenchLedger(settings.Warmup, settings.Trades);
        var application = new BenchApplication(flow, ledger, settings.Sessions);
        var sessions = SessionSettingsLoader.Parse(InitiatorConfig(settings.Sessions, host, port), "bench-initiator.cfg");
        using var loggers = LoggerFactory.Create(logging => logging
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddSimpleConsole(console => console.SingleLine = true)
            .SetMinimumLevel(LogLevel.Warning));
        var initiator = new FixInitiator(sessions, application, loggers);
        await using (initiator.ConfigureAwait(false))
        {
            initiator.Start();
            await application.AllLoggedOn.WaitAsync(LogonTimeout, cancellationToken).ConfigureAwait(false);
            var ids = Enumerable.Range(0, settings.Sessions)
                .Select(s => new SessionId("FIX.4.4", BenchSettings.ClientCompId(s), BenchSettings.ServerCompId)).ToList();
            var sender = new BenchSender(initiator.Sessions, ids, flow, ledger, settings.Rate);
            if (settings.Warmup > 0)
            {
                progress($"warm-up: {settings.Warmup:N0} orders at {settings.Rate:N0}/s");
                await Task.Run(() => sender.Send(0, settings.Warmup), cancellationToken).ConfigureAwait(false);
                await WaitForAnswers(ledger.WarmupAnswered, cancellationToken).ConfigureAwait(false);
            }

            progress($"offering {settings.Trades:N0} orders at {settings.Rate:N0}/s over {settings.Sessions} session(s)");
            var lag = await Task.Run(() => sender.Send(settings.Warmup, settings.Trades), cancellationToken).ConfigureAwait(false);
            await WaitForAnswers(ledger.MeasuredAnswered, cancellationToken).ConfigureAwait(false);
            await initiator.StopAsync().ConfigureAwait(false);
            return Report(settings, label, ledger, lag);
        }
    }

    private static async Task WaitForAnswers(Task answered, CancellationToken cancellationToken)
    {
        try
        {
            await answered.WaitAsync(AnswerTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Reported as unanswered orders.
        }
    }

    private static BenchReport Report(BenchSettings settings, string label, BenchLedger ledger, LatencyHistogram lag)
    {
        var tally = ledger.TallyMeasured();
        var elapsed = tally.LastAnswered > tally.FirstSent ? Stopwatch.GetElapsedTime(tally.FirstSent, tally.LastAnswered).TotalSeconds : 0d;
        return new BenchReport(
            Server: label,
            Sessions: settings.Sessions,
            OfferedRate: settings.Rate,
            Trades: settings.Trades,
            Warmup: settings.Warmup,
            Answered: tally.Booked + tally.Rejected,
            Booked: tally.Booked,
            Rejected: tally.Rejected,
            Unanswered: tally.Unanswered,
            SessionRejects: ledger.SessionRejects,
            ElapsedSeconds: Math.Round(elapsed, 3),
            BookedPerSecond: elapsed > 0 ? Math.Round(tally.Booked / elapsed, 1) : 0d,
            AckLatencyMicroseconds: BenchLatency.From(tally.Latency),
            SendLagMicroseconds: BenchLatency.From(lag),
            RejectTexts: ledger.RejectTexts);
    }
}
