using System.Collections.Immutable;
using TradeFlow.Domain.Events;
using TradeFlow.Domain.Limits;
using TradeFlow.EventSourcing;

namespace TradeFlow.Engine.Pipeline;

/// <summary>
/// An admin's credit limit change: the one command kind not addressed to a trade. Decided by
/// <see cref="CreditLimitDecider"/> against the limit in force, journaled on <c>limit-{LEI}</c> (a refusal on
/// <c>rejections-limit-{LEI}</c>), and folded into the state at once, so the very next capture is checked against it.
/// </summary>
internal sealed partial class DecideStage
{
    private const string LimitRejectionStreamPrefix = "rejections-limit-";

    private void DecideLimitChange(ChangeCreditLimit command, DecisionOutput output)
    {
        var current = _data.TryGetCounterparty(command.Counterparty, out var counterparty) ? _state.Limits.Of(counterparty) : null;
        var decision = CreditLimitDecider.Decide(command, current);
        var evt = decision.Events[0];
        string stream;
        ExpectedVersion expected;
        if (decision.IsAccepted)
        {
            stream = CreditLimitChanged.StreamOf(command.Counterparty);
            expected = _state.Limits.StreamVersionOf(command.Counterparty) is { } version
                ? ExpectedVersion.At(version)
                : ExpectedVersion.NoStream;
        }
        else
        {
            stream = LimitRejectionStreamPrefix + command.Counterparty.ToString();
            expected = ExpectedVersion.Any;
        }

        output.Kind = command.Kind;
        output.Warnings = [];
        output.Add(evt, stream, expected);
        _state.Apply(evt, stream, command.Kind);
        var outcome = decision.IsAccepted
            ? CommandOutcome.Accepted(default)
            : CommandOutcome.Rejected(default, decision.Reasons, ImmutableArray<string>.Empty);
        _state.RecordOutcome(command.SourceKey, outcome);
        output.Outcome = outcome;
    }
}
