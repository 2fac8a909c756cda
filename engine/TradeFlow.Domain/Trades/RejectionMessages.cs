using System.Globalization;
using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Trades;

/// <summary>Human text for rejections: always the command, the trade id and the trade's state.</summary>
internal static class RejectionMessages
{
    public static string Verb(TradeCommandKind kind) => kind switch
    {
        TradeCommandKind.Book => "book",
        TradeCommandKind.Amend => "amend",
        TradeCommandKind.Cancel => "cancel",
        TradeCommandKind.Allocate => "allocate",
        TradeCommandKind.Confirm => "confirm",
        TradeCommandKind.Novate => "novate",
        TradeCommandKind.PartiallyTerminate => "partially terminate",
        TradeCommandKind.InstructSettlement => "instruct settlement of",
        TradeCommandKind.MatchSettlement => "match settlement of",
        TradeCommandKind.Settle => "settle",
        TradeCommandKind.FailSettlement => "fail settlement of",
        TradeCommandKind.Mature => "mature",
        TradeCommandKind.ChangeCreditLimit => "change the credit limit of",
        _ => kind.ToString().ToLower(CultureInfo.InvariantCulture),
    };

    /// <summary>The message for a state-level rejection from <see cref="LifecycleRules"/>.</summary>
    public static string ForState(RejectionCode code, Trade? trade, TradeCommandKind kind, TradeId id)
    {
        var head = $"Cannot {Verb(kind)} trade {id}";
        if (trade is null)
        {
            return $"{head}: no such trade";
        }

        var status = trade.Status;
        return code switch
        {
            RejectionCode.TradeAlreadyExists => $"{head}: it already exists ({status})",
            RejectionCode.TradeClosed or RejectionCode.AlreadySettled => $"{head}: it is {status}",
            RejectionCode.SettlementInProgress => $"{head}: it is {status}; settlement is in progress",
            RejectionCode.ConfirmationRequired =>
                $"{head}: it is {status} and unconfirmed; {trade.AssetClass} trades must be confirmed before settlement",
            RejectionCode.AlreadyConfirmed => $"{head}: it is {status} and already confirmed",
            RejectionCode.NotInstructed => $"{head}: it is {status}; settlement has not been instructed",
            RejectionCode.NotMatched => $"{head}: it is {status}; settlement has not been matched",
            RejectionCode.AlreadyInstructed => $"{head}: it is {status}; settlement is already instructed",
            RejectionCode.AlreadyMatched => $"{head}: it is {status}; settlement is already matched",
            RejectionCode.AlreadyFailed => $"{head}: it is {status}; re-instruct, re-match or settle it",
            RejectionCode.NotSettled => $"{head}: it is {status}; only a settled trade can mature",
            _ => $"{head}: it is {status}",
        };
    }

    /// <summary>A command-specific rejection: "Cannot allocate trade T…: it is Booked; {detail}".</summary>
    public static string ForCommand(TradeCommandKind kind, TradeId id, Trade? trade, string detail) =>
        trade is null
            ? $"Cannot {Verb(kind)} trade {id}: {detail}"
            : $"Cannot {Verb(kind)} trade {id}: it is {trade.Status}; {detail}";
}
