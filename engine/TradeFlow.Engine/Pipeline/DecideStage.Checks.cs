using System.Collections.Immutable;
using System.Globalization;
using TradeFlow.Domain.Trades;
using TradeFlow.Engine.Decisions;

namespace TradeFlow.Engine.Pipeline;

/// <summary>The engine's own checks on a booking or amendment: compliance results, credit limit, wash trade.</summary>
internal sealed partial class DecideStage
{
    // Returns how many of the reasons (the first ones) are the compliance stage's failures.
    private int ApplyChecks(CommandSlot data, TradeCommand command, in LiveTrade? live)
    {
        var terms = command is BookTrade book ? book.Terms : ((AmendTrade)command).Terms;
        _reasons.AddRange(data.Compliance.Failures);
        var complianceFailures = _reasons.Count;

        _warnings.AddRange(data.Compliance.Warnings);
        if (data.Risk.HasFigures)
        {
            CheckCredit(data.Risk, terms, command.Kind == TradeCommandKind.Amend ? live : null);
        }

        if (command.Kind == TradeCommandKind.Book && _washMode != WashTradeMode.Off)
        {
            CheckWash(terms, command.EffectiveTime);
        }

        return complianceFailures;
    }

    // The lifecycle rules also report an unknown or inactive counterparty: say it once, in the decider's words.
    // Order is kept, so a rejection lists its reasons as before the checks ran ahead of the decider.
    private void DropFailuresTheDeciderReported(int complianceFailures, ImmutableArray<RejectionReason> decided)
    {
        if (decided.IsDefaultOrEmpty)
        {
            return;
        }

        for (var i = complianceFailures - 1; i >= 0; i--)
        {
            if (Reports(decided, _reasons[i].Code))
            {
                _reasons.RemoveAt(i);
            }
        }
    }

    private static bool Reports(ImmutableArray<RejectionReason> reasons, RejectionCode code)
    {
        foreach (var reason in reasons)
        {
            if (reason.Code == code)
            {
                return true;
            }
        }

        return false;
    }

    // Hard limit breached → reason; soft limit breached → warning. An amendment replaces the trade's own
    // contribution, so only the difference is new exposure.
    private void CheckCredit(RiskEnrichment risk, TradeTerms terms, in LiveTrade? replaced)
    {
        if (!_data.TryGetCounterparty(terms.Counterparty, out var counterparty))
        {
            return;
        }

        // The limit in force now: an admin's latest change applies from the very next capture.
        var limit = _state.Limits.Of(counterparty);
        var figures = risk.Figures;
        var current = _state.UtilisationOf(figures.LimitId);
        if (replaced is { CountsTowardsExposure: true, Exposure: var old } && old.LimitId == figures.LimitId)
        {
            current -= old.Exposure;
        }

        var projected = current + figures.Exposure.Amount;
        if (projected > limit.Hard.Amount)
        {
            _reasons.Add(new RejectionReason(RejectionCode.CreditLimitExceeded, string.Format(CultureInfo.InvariantCulture,
                "Exposure to {0} under credit limit {1} would be {2:0.00} {3}, above the hard limit {4}",
                counterparty.Name, limit.LimitId, projected, limit.Currency, limit.Hard)));
        }
        else if (projected > limit.Soft.Amount)
        {
            _warnings.Add(string.Format(CultureInfo.InvariantCulture,
                "Soft credit limit {0} exceeded: exposure to {1} would be {2:0.00} {3}, above {4}",
                limit.LimitId, counterparty.Name, projected, limit.Currency, limit.Soft));
        }
    }

    private void CheckWash(TradeTerms terms, DateTimeOffset executedAt)
    {
        var key = new WashKey(terms.Trader, terms.Instrument, terms.Side, terms.Price, terms.Quantity);
        if (!_state.Wash.TryFindMirror(key, executedAt, out var mirror))
        {
            return;
        }

        var message = string.Format(CultureInfo.InvariantCulture,
            "Possible wash trade: mirrors trade {0} (same trader {1}, instrument {2}, price {3} and quantity {4}, opposite side) within {5}",
            mirror, terms.Trader, terms.Instrument, terms.Price, terms.Quantity, _state.Wash.Window);
        if (_washMode == WashTradeMode.Reject)
        {
            _reasons.Add(new RejectionReason(RejectionCode.WashTrade, message));
        }
        else
        {
            _warnings.Add(message);
        }
    }
}
