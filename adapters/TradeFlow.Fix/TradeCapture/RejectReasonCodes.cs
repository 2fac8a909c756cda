using System.Collections.Immutable;
using TradeFlow.Domain.Trades;

namespace TradeFlow.Fix.TradeCapture;

/// <summary>
/// Maps why a capture was refused onto each reply's own reason field: TradeReportRejectReason (751) of an AR,
/// OrdRejReason (103) of an ExecutionReport, CxlRejReason (102) of an OrderCancelReject and AllocRejCode (88)
/// of an AllocationInstructionAck. The full reasons always travel in Text (58).
/// </summary>
internal static class RejectReasonCodes
{
    /// <summary>The capture-level reason of the engine's first rejection reason.</summary>
    public static CaptureRejectReason From(ImmutableArray<RejectionReason> reasons) => reasons.IsDefaultOrEmpty
        ? CaptureRejectReason.Other
        : reasons[0].Code switch
        {
            RejectionCode.UnknownInstrument => CaptureRejectReason.UnknownInstrument,
            RejectionCode.UnknownCounterparty or RejectionCode.InactiveCounterparty or RejectionCode.UnknownBook
                or RejectionCode.InactiveBook or RejectionCode.UnknownTrader or RejectionCode.InactiveTrader
                or RejectionCode.SameCounterparty or RejectionCode.MissingSettlementInstruction => CaptureRejectReason.InvalidParty,
            RejectionCode.TradeNotFound => CaptureRejectReason.UnknownOrder,
            RejectionCode.TradeClosed or RejectionCode.SettlementInProgress or RejectionCode.AlreadySettled
                or RejectionCode.AlreadyInstructed or RejectionCode.AlreadyMatched => CaptureRejectReason.TooLate,
            RejectionCode.RestrictedInstrument or RejectionCode.MandateBook or RejectionCode.MandateAssetClass
                or RejectionCode.MandateNotional or RejectionCode.CreditLimitExceeded or RejectionCode.PriceOutsideBand
                or RejectionCode.WashTrade => CaptureRejectReason.NotAuthorized,
            _ => CaptureRejectReason.Other,
        };

    /// <summary>TradeReportRejectReason (751): 1 invalid party, 2 unknown instrument, 3 unauthorized, 99 other.</summary>
    public static int TradeReportRejectReason(CaptureRejectReason reason) => reason switch
    {
        CaptureRejectReason.InvalidParty => 1,
        CaptureRejectReason.UnknownInstrument => 2,
        CaptureRejectReason.NotAuthorized => 3,
        _ => 99,
    };

    /// <summary>OrdRejReason (103): 1 unknown symbol, 3 order exceeds limit, 5 unknown order, 99 other.</summary>
    public static int OrdRejReason(CaptureRejectReason reason) => reason switch
    {
        CaptureRejectReason.UnknownInstrument => 1,
        CaptureRejectReason.NotAuthorized => 3,
        CaptureRejectReason.UnknownOrder => 5,
        _ => 99,
    };

    /// <summary>CxlRejReason (102): 0 too late to cancel, 1 unknown order, 99 other.</summary>
    public static int CxlRejReason(CaptureRejectReason reason) => reason switch
    {
        CaptureRejectReason.TooLate => 0,
        CaptureRejectReason.UnknownOrder => 1,
        _ => 99,
    };

    /// <summary>AllocRejCode (88): 0 unknown account, 1 incorrect quantity, 5 unknown OrderID, 7 other.</summary>
    public static int AllocRejCode(CaptureRejectReason reason, ImmutableArray<RejectionReason> reasons) => reason switch
    {
        CaptureRejectReason.InvalidParty => 0,
        CaptureRejectReason.UnknownOrder => 5,
        _ when !reasons.IsDefaultOrEmpty && reasons[0].Code is RejectionCode.AllocationMismatch or RejectionCode.InvalidQuantity => 1,
        _ => 7,
    };
}
