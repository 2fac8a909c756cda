using System.Collections.Immutable;
using TradeFlow.Domain.Events;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Trades;

namespace TradeFlow.Domain.Limits;

/// <summary>
/// Decides a <see cref="ChangeCreditLimit"/> against the counterparty's current limit (the latest change, or the
/// reference data's): pure, no clock, like <see cref="TradeDecider"/>. Rules: the counterparty is known; the reason is
/// given; hard ≥ soft &gt; 0; both amounts in the limit's currency. A change of currency is refused rather than
/// converted: utilisation is accumulated in the limit currency, and re-denominating it at some FX rate would make
/// every past figure depend on that rate.
/// </summary>
public static class CreditLimitDecider
{
    /// <summary>
    /// Decides the change: a <see cref="CreditLimitChanged"/> when accepted, else a <see cref="CreditLimitChangeRejected"/>
    /// with every reason. <paramref name="current"/> is null when the counterparty is unknown.
    /// </summary>
    public static ITradeEvent Decide(ChangeCreditLimit command, CreditLimit? current)
    {
        ArgumentNullException.ThrowIfNull(command);
        var reasons = ImmutableArray.CreateBuilder<RejectionReason>();
        var who = command.Counterparty.ToString();
        if (current is null)
        {
            reasons.Add(new RejectionReason(RejectionCode.UnknownCounterparty,
                $"Cannot change the credit limit of {who}: the counterparty is not in the reference data"));
        }

        if (string.IsNullOrWhiteSpace(command.Reason))
        {
            reasons.Add(new RejectionReason(RejectionCode.InvalidCommand, $"Cannot change the credit limit of {who}: a reason is required"));
        }

        if (command.Soft.Amount <= 0m || command.Hard < command.Soft)
        {
            reasons.Add(new RejectionReason(RejectionCode.InvalidCreditLimit,
                $"Cannot change the credit limit of {who}: hard {command.Hard} must be at least soft {command.Soft}, and soft above zero"));
        }

        if (current is not null && (command.Hard.Currency != current.Currency || command.Soft.Currency != current.Currency))
        {
            reasons.Add(new RejectionReason(RejectionCode.CreditLimitCurrencyMismatch,
                $"Cannot change the credit limit of {who}: limit {current.LimitId} is in {current.Currency}, not {command.Hard.Currency}/{command.Soft.Currency}"));
        }

        if (reasons.Count > 0)
        {
            return new CreditLimitChangeRejected(command.Counterparty, command.EffectiveTime, command.SourceKey, reasons.ToImmutable());
        }

        return new CreditLimitChanged(command.Counterparty, command.EffectiveTime, current!.LimitId,
            current.Hard, current.Soft, command.Hard, command.Soft, command.Reason);
    }

    /// <summary>The limit a change leaves in force (same id, the new amounts).</summary>
    public static CreditLimit Apply(CreditLimitChanged change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new CreditLimit(change.LimitId, change.Hard, change.Soft);
    }
}
