using System.Collections.Immutable;
using TradeFlow.Domain.Events;

namespace TradeFlow.Domain.Trades;

/// <summary>
/// The outcome of a command: the events to append, or a rejection. Either way <see cref="Events"/>
/// is what the engine journals — for a rejection that is one <see cref="TradeRejected"/> carrying
/// every reason — so an audit trail shows refused commands too.
/// </summary>
public sealed class Decision
{
    private Decision(bool isAccepted, ImmutableArray<ITradeEvent> events, ImmutableArray<RejectionReason> reasons,
        int tradeIdsUsed)
    {
        IsAccepted = isAccepted;
        Events = events;
        Reasons = reasons;
        TradeIdsUsed = tradeIdsUsed;
    }

    /// <summary>True when the command was accepted.</summary>
    public bool IsAccepted { get; }

    /// <summary>Events to append, in order (possibly to several trades' streams: allocation, novation).</summary>
    public ImmutableArray<ITradeEvent> Events { get; }

    /// <summary>Why the command was refused; empty when accepted.</summary>
    public ImmutableArray<RejectionReason> Reasons { get; }

    /// <summary>How many new trade ids, from <see cref="DecisionContext.NextTradeId"/> on, the decision took.</summary>
    public int TradeIdsUsed { get; }

    /// <summary>The rejection event, or null when accepted.</summary>
    public TradeRejected? Rejection => IsAccepted ? null : (TradeRejected)Events[0];

    /// <summary>An accepted decision.</summary>
    public static Decision Accept(ImmutableArray<ITradeEvent> events, int tradeIdsUsed = 0) =>
        new(true, events, [], tradeIdsUsed);

    /// <summary>A rejection; a refused booking still uses its id, so every capture has a reference.</summary>
    public static Decision Reject(TradeRejected rejection, int tradeIdsUsed = 0)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        return new(false, [rejection], rejection.Reasons, tradeIdsUsed);
    }

    /// <inheritdoc/>
    public override string ToString() => IsAccepted
        ? "Accepted: " + string.Join(", ", Events.Select(e => e.GetType().Name))
        : "Rejected: " + string.Join("; ", Reasons);
}
