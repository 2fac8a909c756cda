using System.Collections.Immutable;
using System.Runtime.InteropServices;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;

namespace TradeFlow.Engine.Decisions;

/// <summary>
/// What the decision state keeps of a source key's outcome: its trade id and, in one reference, either the
/// warnings of an acceptance (null when none) or the reasons and warnings of a rejection. 16 bytes instead of
/// a whole <see cref="CommandOutcome"/> (48): the outcome map holds one entry per command ever decided and
/// is copied at each resize, so its entry size is paid again and again as it grows. A recorded outcome is
/// never failed, has no position and is not a duplicate, so nothing is lost.
/// </summary>
internal readonly struct RecordedOutcome
{
    private readonly TradeId _tradeId;
    private readonly object? _detail;

    private RecordedOutcome(TradeId tradeId, object? detail)
    {
        _tradeId = tradeId;
        _detail = detail;
    }

    /// <summary>Keeps an accepted or rejected outcome.</summary>
    /// <exception cref="ArgumentException">The outcome failed: a failed command is not recorded, so a resend may succeed.</exception>
    public static RecordedOutcome Of(in CommandOutcome outcome) => outcome.Status switch
    {
        CommandStatus.Accepted => new(outcome.TradeId, outcome.Warnings.IsEmpty ? null : ImmutableCollectionsMarshal.AsArray(outcome.Warnings)),
        CommandStatus.Rejected => new(outcome.TradeId, new Rejection(outcome.Reasons, outcome.Warnings)),
        _ => throw new ArgumentException($"A {outcome.Status} outcome is not recorded.", nameof(outcome)),
    };

    /// <summary>The outcome as it was given.</summary>
    public CommandOutcome ToOutcome() => _detail switch
    {
        Rejection rejection => CommandOutcome.Rejected(_tradeId, rejection.Reasons, rejection.Warnings),
        string[] warnings => CommandOutcome.Accepted(_tradeId, ImmutableCollectionsMarshal.AsImmutableArray(warnings)),
        _ => CommandOutcome.Accepted(_tradeId),
    };

    // Rejections are the rare case: they pay for one small object.
    private sealed record Rejection(ImmutableArray<RejectionReason> Reasons, ImmutableArray<string> Warnings);
}
