using System.Collections.Immutable;
using TradeFlow.Domain.Events;
using TradeFlow.Domain.Limits;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Trades;
using TradeFlow.Engine.Decisions;
using TradeFlow.Ring.Processing;

namespace TradeFlow.Engine.Pipeline;

/// <summary>
/// The decision stage: one thread, no I/O, sole owner of the <see cref="DecisionState"/>. For each command:
/// idempotency (a known source key gets its original outcome and writes nothing), the domain's lifecycle
/// rules (<see cref="TradeDecider"/>), the compliance stage's failures, the credit limit against live
/// utilisation, and wash-trade detection; then the events to journal (or one <c>TradeRejected</c> with every
/// reason), folded into the state at once so the next command sees them. Writes only
/// <see cref="CommandSlot.Decision"/>.
/// </summary>
internal sealed partial class DecideStage : IEventHandler<CommandSlot>
{
    private readonly DecisionState _state;
    private readonly ReferenceDataSet _data;
    private readonly ConfirmationPolicy? _policy;
    private readonly WashTradeMode _washMode;
    private readonly EngineFault _fault;
    private readonly BookingEnricher _enricher;
    private readonly ChecksStage? _checks;

    // Scratch lists reused for every command; copied into immutable arrays only when non-empty.
    private readonly List<RejectionReason> _reasons = new(4);
    private readonly List<string> _warnings = new(4);

    // The current command's source-key hash, for its duplicate lookup and to record its outcome: the risk stage's when it
    // prepared this very command, else computed here (Precheck sets both).
    private int _sourceKeyHash;

    // True when the slot's risk part was prepared for the command being decided (RiskEnrichment.PreparedFor is it).
    private bool _prepared;

    /// <summary>
    /// Creates the stage over a (recovered) state; with <paramref name="checks"/>, the stage runs them on each slot
    /// before deciding it (<see cref="CheckPlacement.DecideThread"/>), instead of reading what check stages wrote.
    /// </summary>
    public DecideStage(DecisionState state, ReferenceDataSet data, ConfirmationPolicy? policy, WashTradeMode washMode,
        EngineFault fault, ChecksStage? checks = null)
    {
        _checks = checks;
        _state = state;
        _data = data;
        _policy = policy;
        _washMode = washMode;
        _fault = fault;
        _enricher = new BookingEnricher(data);
    }

    /// <inheritdoc/>
    public void OnEvent(CommandSlot data, long sequence, bool endOfBatch)
    {
        // The checks write the slot's risk and compliance parts and catch their own failures into them, exactly as on
        // a thread of their own; here program order, not a sequence, puts their writes before the reads below.
        _checks?.OnEvent(data, sequence, endOfBatch);
        var output = data.Decision;
        output.Reset();
        try
        {
            if (Precheck(data) is { } early)
            {
                output.Outcome = early;
                return;
            }

            if (data.Command is ChangeCreditLimit change)
            {
                DecideLimitChange(change, output);
            }
            else
            {
                Decide(data, data.Command!, output);
            }
        }
#pragma warning disable CA1031 // The state may be half-changed: fault the engine (visible), fail the command, go on draining.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _fault.Raise(new InvalidOperationException($"The decision stage failed on {data.Command}: {ex.Message}", ex));
            output.Reset();
            output.Outcome = CommandOutcome.Failed("The decision stage failed: " + ex.Message);
        }
    }

    // The outcomes decided without the lifecycle: engine down, stage failures, duplicates.
    private CommandOutcome? Precheck(CommandSlot data)
    {
        if (_fault.Fault is { } fault)
        {
            return CommandOutcome.Failed("The engine has faulted: " + fault.Message);
        }

        if (data.Command is not { } command)
        {
            return CommandOutcome.Failed("The slot held no command.");
        }

        if ((data.Risk.Failure ?? data.Compliance.Failure) is { } failure)
        {
            return CommandOutcome.Failed($"A check failed on {command.SourceKey}: {failure.Message}");
        }

        // What the risk stage prepared (off this thread when the checks have one) holds only for the command it names:
        // one reference compare, and anything else — a slot the risk stage did not reach, a preparation that threw — is
        // built here, exactly as before there was a preparation.
        _prepared = ReferenceEquals(data.Risk.PreparedFor, command);
        _sourceKeyHash = _prepared ? data.Risk.SourceKeyHash : DecisionState.SourceKeyHash(command.SourceKey);
        return _state.TryGetOutcome(command.SourceKey, _sourceKeyHash, out var original) ? original.AsDuplicate() : null;
    }

    private void Decide(CommandSlot data, TradeCommand command, DecisionOutput output)
    {
        var target = command is ExistingTradeCommand existing ? existing.TradeId : _state.NextTradeId;
        LiveTrade? live = _state.TryGetTrade(target, out var known) ? known : null;

        // The engine's checks read the state, not the decision, so they run first: the warnings are then known
        // when the decider builds a booking, and go into it through the enricher.
        _reasons.Clear();
        _warnings.Clear();
        var complianceFailures = command.Kind is TradeCommandKind.Book or TradeCommandKind.Amend
            ? ApplyChecks(data, command, live)
            : 0;
        var warnings = _warnings.Count == 0 ? ImmutableArray<string>.Empty : [.. _warnings];
        _enricher.Prepare(data.Risk, warnings, _prepared ? data.Risk.Enrichment : null);
        // A value, not a Decision: its events are copied into the slot below, so nothing of it outlives this call. A
        // capture's terms come validated by the risk stage when it prepared this command (null for any other command,
        // invalid terms, or no preparation: the decider validates them).
        var decision = TradeDecider.Evaluate(live?.State, command,
            new DecisionContext(_data, _state.NextTradeId, _policy, _enricher, _prepared ? data.Risk.Booking : null));
        DropFailuresTheDeciderReported(complianceFailures, decision.Reasons);

        output.Kind = command.Kind;
        output.Warnings = warnings;
        CommandOutcome outcome;
        if (_reasons.Count > 0)
        {
            // Every reason: the lifecycle's (if it refused too) and the engine's checks.
            ImmutableArray<RejectionReason> reasons = decision.IsAccepted ? [.. _reasons] : [.. decision.Reasons, .. _reasons];
            var rejection = new TradeRejected(target, command.EffectiveTime, command.Kind, command.SourceKey, reasons);
            Emit(rejection, command.Kind, output);
            outcome = CommandOutcome.Rejected(target, reasons, warnings);
        }
        else
        {
            for (var i = 0; i < decision.Count; i++)
            {
                Emit(decision[i], command.Kind, output);
            }

            outcome = decision.IsAccepted
                ? CommandOutcome.Accepted(decision[0].TradeId, warnings)
                : CommandOutcome.Rejected(target, decision.Reasons, warnings);
        }

        _state.RecordOutcome(command.SourceKey, _sourceKeyHash, outcome);
        output.Outcome = outcome;
    }
}
