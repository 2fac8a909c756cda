using System.Collections.Immutable;
using TradeFlow.Domain.Events;
using TradeFlow.Domain.Limits;
using TradeFlow.EventSourcing;
using TradeFlow.Engine.Pipeline;

namespace TradeFlow.Engine.Tests.EngineEight;

/// <summary>
/// An admin's credit limit change: the one command kind not addressed to a trade. Decided by
/// <see cref="CreditLimitDecider"/> against the limit in force, journaled on <c>limit-{LEI}</c> (a refusal on
/// <c>rejections-limit-{LEI}</c>), and folded into the state at once, so the very next capture is checked against it.
/// </summary>
internal sealed partial class EngineEightDecideStage
{
    private void DecideLimitChange(ChangeCreditLimit command, DecisionOutput output)
    {
        var current = _data.TryGetCounterparty(command.Counterparty, out var counterparty) ? _state.Limits.Of(counterparty) : null;
        var evt = CreditLimitDecider.Decide(command, current);
        string stream;
        ExpectedVersion expected;
        if (evt is CreditLimitChangeRejected)
        {
            stream = CreditLimitChangeRejected.StreamOf(command.Counterparty);
            expected = ExpectedVersion.Any;
        }
        else
        {
            stream = CreditLimitChanged.StreamOf(command.Counterparty);
            expected = _state.Limits.StreamVersionOf(command.Counterparty) is { } version
                ? ExpectedVersion.At(version)
                : ExpectedVersion.NoStream;
        }

        output.Kind = command.Kind;
        output.Warnings = [];
        output.Add(evt, stream, expected);
        _state.Apply(evt, stream, command.Kind);
        var outcome = evt is CreditLimitChangeRejected rejected
            ? CommandOutcome.Rejected(default, rejected.Reasons, ImmutableArray<string>.Empty)
            : CommandOutcome.Accepted(default);
        _state.RecordOutcome(command.SourceKey, outcome);
        output.Outcome = outcome;
    }
}
