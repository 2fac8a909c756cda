using System.Diagnostics;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Time;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Engine;
using TradeFlow.EventSourcing;
using TradeFlow.Journal;

namespace TradeFlow.Server.Demo;

/// <summary>
/// Runs the demo's trading day through the real engine on the embedded journal, wave by wave:
/// captures, then the middle-office changes, confirmation, settlement instruction, matching, settlement
/// and fails of that wave; then the captures that must be refused; then a restart that must rebuild the
/// same decision state and answer a resent capture with its original outcome without writing anything.
/// </summary>
internal sealed class DemoRun
{
    private static readonly TimeSpan AckTimeout = TimeSpan.FromMinutes(2);

    private readonly DemoSettings _settings;
    private readonly ReferenceDataSet _referenceData;
    private readonly DemoScenario _scenario;
    private readonly DemoTally _tally = new();
    private readonly Action<string> _progress;

    public DemoRun(DemoSettings settings, ReferenceDataSet referenceData, Action<string> progress)
    {
        _settings = settings;
        _referenceData = referenceData;
        _scenario = new DemoScenario(referenceData, settings.Seed);
        _progress = progress;
    }

    public DemoReport Execute()
    {
        var journalOptions = new JournalOptions(_settings.DataDirectory);
        string stateHash;
        BookTrade firstCapture;
        CommandOutcome firstOutcome;
        GlobalPosition head;
        DemoUserViews views;
        var clock = Stopwatch.StartNew();
        using (var journal = EventJournal.Open(journalOptions))
        {
            using var engine = new TradeEngine(new EngineOptions(journal, _referenceData, SystemClock.Instance));
            engine.Start();
            (firstCapture, firstOutcome) = RunWaves(engine);
            RefuseBadCaptures(engine);
            engine.Stop(AckTimeout);
            stateHash = engine.ComputeStateHash();
            head = journal.HeadPosition;
            _tally.Commits = engine.Commits;
            views = DemoViews.Build(journal, _referenceData);
        }

        _tally.Elapsed = clock.Elapsed;
        var restart = Restart(journalOptions, stateHash, head, firstCapture, firstOutcome);
        return _tally.ToReport(_settings, head, views, restart);
    }

    private (BookTrade FirstCapture, CommandOutcome FirstOutcome) RunWaves(TradeEngine engine)
    {
        BookTrade? firstCapture = null;
        CommandOutcome firstOutcome = default;
        for (var booked = 0; booked < _settings.Trades; booked += _settings.WaveSize)
        {
            var size = Math.Min(_settings.WaveSize, _settings.Trades - booked);
            var captures = Enumerable.Range(0, size).Select(_ => _scenario.NextCapture()).ToList();
            var outcomes = Submit(engine, captures, isCapture: true);
            firstCapture ??= captures[0];
            if (booked == 0)
            {
                firstOutcome = outcomes[0];
            }

            var live = captures.Zip(outcomes).Where(p => p.Second.IsAccepted).Select(p => (p.Second.TradeId, p.First.Terms)).ToList();
            RunLifecycle(engine, live);
            _progress($"booked {booked + size:N0} of {_settings.Trades:N0} captures");
        }

        return (firstCapture!, firstOutcome);
    }

    private void RunLifecycle(TradeEngine engine, List<(TradeId Id, TradeTerms Terms)> live)
    {
        var changes = _scenario.Changes(live).ToList();
        var changeOutcomes = Submit(engine, changes);
        var closed = changes.Zip(changeOutcomes)
            .Where(p => p.Second.IsAccepted && p.First is CancelTrade or AllocateTrade)
            .Select(p => ((ExistingTradeCommand)p.First).TradeId).ToHashSet();
        var open = live.Where(t => !closed.Contains(t.Id)).ToList();

        Submit(engine, open.Where(t => NeedsConfirmation(t.Terms)).Select(t => (TradeCommand)_scenario.Confirm(t.Id)).ToList());
        Submit(engine, open.Select(t => (TradeCommand)_scenario.Instruct(t.Id)).ToList());
        Submit(engine, open.Select(t => (TradeCommand)_scenario.Match(t.Id)).ToList());
        var settlements = open.Select(t => _scenario.SettleOrFail(t.Id, t.Terms)).ToList();
        Submit(engine, settlements);
        var cured = settlements.OfType<FailSettlement>().Where(_ => _scenario.CuresFail())
            .Select(f => (TradeCommand)_scenario.Settle(f.TradeId, open.First(t => t.Id == f.TradeId).Terms)).ToList();
        Submit(engine, cured);
    }

    private void RefuseBadCaptures(TradeEngine engine)
    {
        foreach (var (expectation, capture) in _scenario.CapturesToRefuse())
        {
            var outcome = Submit(engine, [capture])[0];
            _tally.Refusals.Add(new DemoRefusal(expectation, outcome.Status.ToString(), [.. outcome.Reasons.Select(r => $"{r.Code}: {r.Message}")]));
        }
    }

    private DemoRestart Restart(JournalOptions journalOptions, string stateHash, GlobalPosition head, BookTrade resent, CommandOutcome original)
    {
        var clock = Stopwatch.StartNew();
        using var journal = EventJournal.Open(journalOptions);
        using var engine = new TradeEngine(new EngineOptions(journal, _referenceData, SystemClock.Instance));
        engine.Start();
        var recovery = clock.Elapsed;
        var answer = engine.SubmitAsync(new EngineCommand(resent, "DEMO:resend", "demo")).WaitAsync(AckTimeout).GetAwaiter().GetResult();
        var headAfter = journal.HeadPosition;
        engine.Stop(AckTimeout);

        // The state is read once the pipeline is stopped; a duplicate changes nothing in it.
        var rebuiltHash = engine.ComputeStateHash();
        return new DemoRestart(
            RecoveredEvents: engine.Recovery.Events,
            RecoveryMilliseconds: recovery.TotalMilliseconds,
            StateHashBefore: stateHash,
            StateHashAfter: rebuiltHash,
            ResentCaptureAnsweredAsDuplicate: answer.IsDuplicate && answer.TradeId == original.TradeId && answer.Status == original.Status,
            ResentCaptureWroteNothing: headAfter == head);
    }

    private bool NeedsConfirmation(TradeTerms terms) =>
        _referenceData.TryGetInstrument(terms.Instrument, out var instrument) && ConfirmationPolicy.Default.IsRequiredFor(instrument.AssetClass);

    /// <summary>Submits a batch (pipelined: all in flight at once) and waits for every durable outcome.</summary>
    private CommandOutcome[] Submit<TCommand>(TradeEngine engine, IReadOnlyList<TCommand> commands, bool isCapture = false)
        where TCommand : TradeCommand
    {
        using var recorder = new OutcomeRecorder(commands.Count);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < commands.Count; i++)
        {
            recorder.Submitting(i);
            engine.Submit(new EngineCommand(commands[i], "DEMO", "demo"), recorder, i);
        }

        if (!recorder.WaitAll(AckTimeout))
        {
            throw new TimeoutException($"{commands.Count} commands submitted, not every one acknowledged within {AckTimeout}; engine state {engine.State}, fault: {engine.Fault?.Message}");
        }

        _tally.Record(commands, recorder, isCapture ? Stopwatch.GetElapsedTime(started) : null);
        return [.. recorder.Outcomes];
    }
}
