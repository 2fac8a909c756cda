using System.Collections.Immutable;
using TradeFlow.Domain.Events;
using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Trades;

/// <summary>
/// The pure decider of the trade lifecycle: <c>Decide(state, command, context) → Decision</c>,
/// with <see cref="Trade.Evolve"/> as its evolve function. No I/O and no clock: time comes in the
/// command, ids and reference data in the context. The decider checks the state machine
/// (<see cref="LifecycleRules"/>) and the command's own rules (reference data, quantities, dates);
/// credit limits, mandates and the restricted list are the engine's risk and compliance stages.
/// </summary>
public static partial class TradeDecider
{
    /// <summary>Decides a command against a trade's current state (null when the trade does not exist).</summary>
    /// <exception cref="ArgumentException">The state belongs to another trade than the command addresses.</exception>
    public static Decision Decide(Trade? state, TradeCommand command, in DecisionContext context) =>
        Evaluate(state, command, context).ToDecision();

    /// <summary>
    /// Decides as <see cref="Decide"/> does, returning the decision as a value: the same events and reasons, without the
    /// <see cref="Decision"/> object and, for a one-event outcome, without an event array — for a caller that copies the
    /// events out at once (the engine's decide stage, once per command).
    /// </summary>
    /// <exception cref="ArgumentException">The state belongs to another trade than the command addresses.</exception>
    public static DecisionResult Evaluate(Trade? state, TradeCommand command, in DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context.ReferenceData);
        var id = TargetId(command, context);
        if (state is not null && state.Id != id)
        {
            throw new ArgumentException($"Command for trade {id} decided against the state of trade {state.Id}.",
                nameof(state));
        }

        if (LifecycleRules.Check(state, command.Kind, context.Confirmation) is { } code)
        {
            var reason = new RejectionReason(code, RejectionMessages.ForState(code, state, command.Kind, id));
            return Reject(command, id, [reason], context);
        }

        return command switch
        {
            BookTrade book => DecideBook(book, context),
            AmendTrade amend => DecideAmend(state!, amend, context),
            CancelTrade cancel => DecideCancel(state!, cancel, context),
            AllocateTrade allocate => DecideAllocate(state!, allocate, context),
            ConfirmTrade confirm => DecideConfirm(state!, confirm, context),
            NovateTrade novate => DecideNovate(state!, novate, context),
            PartiallyTerminateTrade terminate => DecidePartialTermination(state!, terminate, context),
            InstructSettlement instruct => DecideInstruct(state!, instruct, context),
            MatchSettlement match => DecideMatch(state!, match, context),
            SettleTrade settle => DecideSettle(state!, settle, context),
            FailSettlement fail => DecideFail(state!, fail, context),
            MatureTrade mature => DecideMature(state!, mature, context),
            _ => throw new ArgumentException($"Unknown command {command.GetType().Name}.", nameof(command)),
        };
    }

    private static TradeId TargetId(TradeCommand command, in DecisionContext context) =>
        command is ExistingTradeCommand existing ? existing.TradeId : context.NextTradeId;

    private static DecisionResult Accept(ITradeEvent evt) => DecisionResult.Accept(evt);

    private static DecisionResult Reject(TradeCommand command, TradeId id, ImmutableArray<RejectionReason> reasons,
        in DecisionContext context)
    {
        var rejection = new TradeRejected(id, command.EffectiveTime, command.Kind, command.SourceKey, reasons);

        // A refused booking still consumes its id: the source's reject quotes it, and the id is never reused.
        return DecisionResult.Reject(rejection, command.Kind == TradeCommandKind.Book ? 1 : 0);
    }

    private static DecisionResult Reject(ExistingTradeCommand command, Trade trade, RejectionCode code, string detail,
        in DecisionContext context) =>
        Reject(command, command.TradeId,
            [new RejectionReason(code, RejectionMessages.ForCommand(command.Kind, command.TradeId, trade, detail))],
            context);

    private static void Add(ref List<RejectionReason>? reasons, RejectionCode code, string message) =>
        (reasons ??= []).Add(new RejectionReason(code, message));
}
