using System.Collections.Immutable;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Engine;

namespace TradeFlow.Fix.TradeCapture;

/// <summary>
/// What a capture's reply says: accepted with the trade id (and any warnings), or refused with the reasons,
/// whether the engine refused it (a durable rejection) or the adapter did (a message the domain cannot accept).
/// </summary>
/// <param name="Accepted">True when the engine accepted the command.</param>
/// <param name="TradeId">The trade booked or addressed; default when none.</param>
/// <param name="Reason">The reason class, for the reply's reject-reason field.</param>
/// <param name="Reasons">The engine's reasons, when it refused the command.</param>
/// <param name="Text">The readable text: every reason, or the warnings of an acceptance.</param>
internal readonly record struct CaptureAnswer(bool Accepted, TradeId TradeId, CaptureRejectReason Reason,
    ImmutableArray<RejectionReason> Reasons, string? Text)
{
    /// <summary>The answer an engine outcome gives.</summary>
    public static CaptureAnswer From(in CommandOutcome outcome) => outcome.IsAccepted
        ? new CaptureAnswer(true, outcome.TradeId, CaptureRejectReason.Other, [],
            outcome.Warnings.IsEmpty ? null : "Warnings: " + string.Join("; ", outcome.Warnings))
        : new CaptureAnswer(false, outcome.TradeId, RejectReasonCodes.From(outcome.Reasons), outcome.Reasons,
            string.Join("; ", outcome.Reasons.Select(r => $"{r.Code}: {r.Message}")));

    /// <summary>The answer to a message refused before it reached the engine.</summary>
    public static CaptureAnswer From(CaptureRejection rejection) =>
        new(false, default, rejection.Reason, [], rejection.Text);
}
