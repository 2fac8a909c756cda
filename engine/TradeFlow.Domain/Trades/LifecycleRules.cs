namespace TradeFlow.Domain.Trades;

/// <summary>
/// The state machine: which command kinds a trade's state allows, before any command-specific
/// validation. This is the table in docs/lifecycle.md; the tests run every cell of that table.
/// </summary>
public static class LifecycleRules
{
    /// <summary>Null when <paramref name="kind"/> is allowed in <paramref name="trade"/>'s state, otherwise why not.</summary>
    public static RejectionCode? Check(Trade? trade, TradeCommandKind kind, ConfirmationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (trade is null)
        {
            return kind == TradeCommandKind.Book ? null : RejectionCode.TradeNotFound;
        }

        if (kind == TradeCommandKind.Book)
        {
            return RejectionCode.TradeAlreadyExists;
        }

        if (!trade.IsOpen)
        {
            return RejectionCode.TradeClosed;
        }

        if (trade.Status == TradeStatus.Settled)
        {
            return kind == TradeCommandKind.Mature ? null : RejectionCode.AlreadySettled;
        }

        return CheckOpen(trade, kind, policy.IsRequiredFor(trade.AssetClass));
    }

    // Booked, SettlementInstructed, SettlementMatched or SettlementFailed.
    private static RejectionCode? CheckOpen(Trade trade, TradeCommandKind kind, bool confirmationRequired)
    {
        var status = trade.Status;
        return kind switch
        {
            TradeCommandKind.Confirm => trade.IsConfirmed ? RejectionCode.AlreadyConfirmed : null,
            TradeCommandKind.Amend or TradeCommandKind.Allocate or TradeCommandKind.Novate
                or TradeCommandKind.PartiallyTerminate => status == TradeStatus.Booked ? null : RejectionCode.SettlementInProgress,

            // A matched instruction is shared with the counterparty's: it must be unmatched (a fail) first.
            TradeCommandKind.Cancel => status == TradeStatus.SettlementMatched ? RejectionCode.SettlementInProgress : null,
            TradeCommandKind.InstructSettlement => status is TradeStatus.Booked or TradeStatus.SettlementFailed
                ? (confirmationRequired && !trade.IsConfirmed ? RejectionCode.ConfirmationRequired : null)
                : RejectionCode.AlreadyInstructed,
            TradeCommandKind.MatchSettlement => status switch
            {
                TradeStatus.Booked => RejectionCode.NotInstructed,
                TradeStatus.SettlementMatched => RejectionCode.AlreadyMatched,
                _ => null,
            },
            TradeCommandKind.Settle => status switch
            {
                TradeStatus.Booked => RejectionCode.NotInstructed,
                TradeStatus.SettlementInstructed => RejectionCode.NotMatched,
                _ => null,
            },
            TradeCommandKind.FailSettlement => status switch
            {
                TradeStatus.Booked => RejectionCode.NotInstructed,
                TradeStatus.SettlementFailed => RejectionCode.AlreadyFailed,
                _ => null,
            },
            TradeCommandKind.Mature => RejectionCode.NotSettled,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown command kind."),
        };
    }
}
