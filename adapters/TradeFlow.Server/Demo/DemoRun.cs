using System.Diagnostics;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Engine;
using TradeFlow.EventSourcing;
using TradeFlow.Server.Http.Security;
using TradeFlow.Server.Serve;

namespace TradeFlow.Server.Demo;

/// <summary>
/// Runs the demo's trading day against the real server started in this process, wave by wave, each command the
/// way its user would send it: captures, amends, cancels and allocations over FIX from two initiator sessions;
/// settlement instruction, matching, settlement and fails over the HTTP API as the back office; confirmation and
/// partial termination — which neither the FIX gateway nor the HTTP API carries yet — straight into the engine.
/// Then the captures that must be refused (over FIX), the user views from the server's projections (HTTP), and a
/// graceful stop and restart on the same data directory that must rebuild the same decision state and answer the
/// first capture, resent over a new FIX session, with its original outcome without writing anything.
/// </summary>
internal sealed class DemoRun
{
    private static readonly TimeSpan AckTimeout = TimeSpan.FromMinutes(2);

    private readonly DemoSettings _settings;
    private readonly ReferenceDataSet _referenceData;
    private readonly DemoScenario _scenario;
    private readonly DemoTally _tally = new();
    private readonly Action<string> _progress;
    private readonly string _apiKey = ApiKeyHasher.NewKey();

    public DemoRun(DemoSettings settings, ReferenceDataSet referenceData, Action<string> progress)
    {
        _settings = settings;
        _referenceData = referenceData;
        _scenario = new DemoScenario(referenceData, settings.Seed);
        _progress = progress;
    }

    public async Task<DemoReport> ExecuteAsync(CancellationToken cancellationToken)
    {
        var serve = DemoServer.Prepare(_settings.DataDirectory, _settings.ReferenceDataDirectory);
        var clock = Stopwatch.StartNew();
        var host = await DemoServer.StartAsync(serve, _referenceData, _apiKey, cancellationToken).ConfigureAwait(false);
        BookTrade firstCapture;
        DemoAnswer firstAnswer;
        GlobalPosition head;
        DemoUserViews views;
        try
        {
            _progress($"server: FIX on 127.0.0.1:{DemoServer.FixPort(host)}, HTTP on {DemoServer.HttpAddress(host)}, journal in {serve.DataDirectory}");
            using var office = new DemoBackOffice(DemoServer.HttpAddress(host), _apiKey);
            var fix = await DemoFixClient.ConnectAsync(DemoServer.FixPort(host), cancellationToken).ConfigureAwait(false);
            await using (fix.ConfigureAwait(false))
            {
                (firstCapture, firstAnswer) = await RunWavesAsync(host, fix, office, cancellationToken).ConfigureAwait(false);
                await RefuseBadCapturesAsync(fix).ConfigureAwait(false);
                _tally.SessionRejects = fix.SessionRejects;
            }

            (head, views) = await ReadViewsAsync(host, office, cancellationToken).ConfigureAwait(false);
            _tally.Commits = host.Engine.Commits;
        }
        finally
        {
            await host.DisposeAsync().ConfigureAwait(false);
        }

        _tally.Elapsed = clock.Elapsed;
        var restart = await RestartAsync(serve, host.StateHashAtStop!, head, firstCapture, firstAnswer, cancellationToken).ConfigureAwait(false);
        return _tally.ToReport(_settings, head, views, restart);
    }

    private async Task<(BookTrade FirstCapture, DemoAnswer FirstAnswer)> RunWavesAsync(ServeHost host, DemoFixClient fix, DemoBackOffice office,
        CancellationToken cancellationToken)
    {
        BookTrade? firstCapture = null;
        DemoAnswer firstAnswer = default;
        for (var booked = 0; booked < _settings.Trades; booked += _settings.WaveSize)
        {
            var size = Math.Min(_settings.WaveSize, _settings.Trades - booked);
            var captures = Enumerable.Range(0, size).Select(_ => _scenario.NextCapture()).ToList();
            var started = Stopwatch.GetTimestamp();
            var answers = await AwaitAllAsync([.. captures.Select((c, i) => fix.Send(i, c, c.Terms))]).ConfigureAwait(false);
            _tally.Record(DemoTally.Fix, captures, answers, Stopwatch.GetElapsedTime(started));
            if (firstCapture is null)
            {
                (firstCapture, firstAnswer) = (captures[0], answers[0]);
            }

            var live = captures.Select((c, i) => new LiveTrade(answers[i].TradeId, c.Terms, i))
                .Where((_, i) => answers[i].IsAccepted).ToList();
            await RunLifecycleAsync(host, fix, office, live, cancellationToken).ConfigureAwait(false);
            _progress($"booked {booked + size:N0} of {_settings.Trades:N0} captures");
        }

        return (firstCapture!, firstAnswer);
    }

    private async Task RunLifecycleAsync(ServeHost host, DemoFixClient fix, DemoBackOffice office, List<LiveTrade> live,
        CancellationToken cancellationToken)
    {
        var byId = live.ToDictionary(t => t.Id);
        var changes = _scenario.Changes([.. live.Select(t => (t.Id, t.Terms))]).ToList();
        var overFix = changes.Where(DemoFixMessages.Carries).ToList();
        var fixAnswers = await AwaitAllAsync([.. overFix.Select(c =>
        {
            var trade = byId[((ExistingTradeCommand)c).TradeId];
            return fix.Send(trade.Session, c, trade.Terms);
        })]).ConfigureAwait(false);
        _tally.Record(DemoTally.Fix, overFix, fixAnswers, null);
        Submit(host.Engine, [.. changes.Where(c => !DemoFixMessages.Carries(c))]);

        var closed = overFix.Zip(fixAnswers).Where(p => p.Second.IsAccepted && p.First is CancelTrade or AllocateTrade)
            .Select(p => ((ExistingTradeCommand)p.First).TradeId).ToHashSet();
        var open = live.Where(t => !closed.Contains(t.Id)).ToList();
        Submit(host.Engine, [.. open.Where(t => NeedsConfirmation(t.Terms)).Select(t => (TradeCommand)_scenario.Confirm(t.Id))]);

        await PostAsync(office, [.. open.Select(t => (TradeCommand)_scenario.Instruct(t.Id))], cancellationToken).ConfigureAwait(false);
        await PostAsync(office, [.. open.Select(t => (TradeCommand)_scenario.Match(t.Id))], cancellationToken).ConfigureAwait(false);
        var settlements = open.Select(t => _scenario.SettleOrFail(t.Id, t.Terms)).ToList();
        await PostAsync(office, settlements, cancellationToken).ConfigureAwait(false);
        var cured = settlements.OfType<FailSettlement>().Where(_ => _scenario.CuresFail())
            .Select(f => (TradeCommand)_scenario.Settle(f.TradeId, byId[f.TradeId].Terms)).ToList();
        await PostAsync(office, cured, cancellationToken).ConfigureAwait(false);
    }

    private async Task RefuseBadCapturesAsync(DemoFixClient fix)
    {
        foreach (var (expectation, capture) in _scenario.CapturesToRefuse())
        {
            var answer = (await AwaitAllAsync([fix.Send(0, capture, capture.Terms)]).ConfigureAwait(false))[0];
            _tally.Record(DemoTally.Fix, [capture], [answer], null);
            _tally.Refusals.Add(new DemoRefusal(expectation, answer.Status.ToString(), answer.Reasons));
        }
    }

    // The views are read once the live projections have folded everything the engine journaled.
    private static async Task<(GlobalPosition Head, DemoUserViews Views)> ReadViewsAsync(ServeHost host, DemoBackOffice office,
        CancellationToken cancellationToken)
    {
        var head = host.JournalHead;
        var waited = Stopwatch.StartNew();
        await host.WaitForProjectionsAsync(head, cancellationToken).WaitAsync(AckTimeout, cancellationToken).ConfigureAwait(false);
        var views = await DemoViews.ReadAsync(office, head.Value, waited.Elapsed, cancellationToken).ConfigureAwait(false);
        return (head, views);
    }

    private async Task<DemoRestart> RestartAsync(ServeSettings serve, string stateHash, GlobalPosition head, BookTrade resent,
        DemoAnswer original, CancellationToken cancellationToken)
    {
        _progress("stopped; restarting on the same data directory");
        var clock = Stopwatch.StartNew();
        var host = await DemoServer.StartAsync(serve, _referenceData, _apiKey, cancellationToken).ConfigureAwait(false);
        var recovery = clock.Elapsed;
        DemoAnswer answer;
        GlobalPosition headAfter;
        try
        {
            var fix = await DemoFixClient.ConnectAsync(DemoServer.FixPort(host), cancellationToken).ConfigureAwait(false);
            await using (fix.ConfigureAwait(false))
            {
                answer = (await AwaitAllAsync([fix.Send(0, resent, resent.Terms)]).ConfigureAwait(false))[0];
            }

            headAfter = host.JournalHead;
        }
        finally
        {
            await host.DisposeAsync().ConfigureAwait(false);
        }

        return new DemoRestart(
            RecoveredEvents: host.Engine.Recovery.Events,
            RecoveryMilliseconds: Math.Round(recovery.TotalMilliseconds, 1),
            StateHashBefore: stateHash,
            StateHashAfter: host.StateHashAtStop!,
            ResentCaptureAnsweredAsDuplicate: answer.Status == original.Status && answer.TradeId == original.TradeId,
            ResentCaptureWroteNothing: headAfter == head);
    }

    private async Task PostAsync(DemoBackOffice office, IReadOnlyList<TradeCommand> commands, CancellationToken cancellationToken)
    {
        var answers = await office.SendAsync(commands, cancellationToken).ConfigureAwait(false);
        _tally.Record(DemoTally.Http, commands, answers, null);
    }

    private bool NeedsConfirmation(TradeTerms terms) =>
        _referenceData.TryGetInstrument(terms.Instrument, out var instrument) && ConfirmationPolicy.Default.IsRequiredFor(instrument.AssetClass);

    /// <summary>
    /// Submits commands no user-facing channel carries yet (confirmation, partial termination) straight into the
    /// server's engine, pipelined, and waits for every durable outcome.
    /// </summary>
    private void Submit(TradeEngine engine, IReadOnlyList<TradeCommand> commands)
    {
        using var recorder = new OutcomeRecorder(commands.Count);
        for (var i = 0; i < commands.Count; i++)
        {
            recorder.Submitting(i);
            engine.Submit(new EngineCommand(commands[i], "DEMO back office (in-process: no FIX or HTTP command for it)", "demo-backoffice"), recorder, i);
        }

        var answered = recorder.WaitAll(AckTimeout);
        var answers = Enumerable.Range(0, commands.Count)
            .Select(i => answered ? DemoAnswer.From(recorder.Outcomes[i], recorder.LatencyTicks[i]) : DemoAnswer.Failed("no engine outcome in time"))
            .ToList();
        _tally.Record(DemoTally.Engine, commands, answers, null);
    }

    // Every answer that came within the timeout; the others are failures (never acknowledged).
    private static async Task<DemoAnswer[]> AwaitAllAsync(Task<DemoAnswer>[] answers)
    {
        var all = Task.WhenAll(answers);
        await Task.WhenAny(all, Task.Delay(AckTimeout)).ConfigureAwait(false);
        return [.. answers.Select(a => a.IsCompletedSuccessfully ? a.Result : DemoAnswer.Failed($"no answer within {AckTimeout}"))];
    }

    /// <summary>A booked trade of the current wave, and the FIX session that booked it.</summary>
    private sealed record LiveTrade(TradeId Id, TradeTerms Terms, int Session);
}
