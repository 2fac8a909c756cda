using System.Collections.Immutable;
using TradeFlow.Domain.Events;

namespace TradeFlow.Domain.Trades;

/// <summary>
/// A <see cref="Decision"/> as a value: what <see cref="TradeDecider.Evaluate"/> returns, so a caller that copies the
/// events out at once (the engine's decide stage, per command) allocates neither the <see cref="Decision"/> nor an event
/// array for the usual one-event outcome. A single event is held inline; only allocations and novations, which emit
/// several, carry an array. <see cref="ToDecision"/> gives the same <see cref="Decision"/> as <see cref="TradeDecider.Decide"/>.
/// </summary>
public readonly struct DecisionResult
{
    private readonly ITradeEvent? _single;
    private readonly ImmutableArray<ITradeEvent> _many;

    private DecisionResult(bool isAccepted, ITradeEvent? single, ImmutableArray<ITradeEvent> many,
        ImmutableArray<RejectionReason> reasons, int tradeIdsUsed)
    {
        IsAccepted = isAccepted;
        _single = single;
        _many = many;
        Reasons = reasons;
        TradeIdsUsed = tradeIdsUsed;
    }

    /// <summary>True when the command was accepted.</summary>
    public bool IsAccepted { get; }

    /// <summary>Why the command was refused; empty when accepted (default for a default value).</summary>
    public ImmutableArray<RejectionReason> Reasons { get; }

    /// <summary>How many new trade ids, from <see cref="DecisionContext.NextTradeId"/> on, the decision took.</summary>
    public int TradeIdsUsed { get; }

    /// <summary>How many events to append (a rejection has one, its <see cref="TradeRejected"/>).</summary>
    public int Count => _single is not null ? 1 : _many.IsDefault ? 0 : _many.Length;

    /// <summary>The event at <paramref name="index"/>, in order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside <see cref="Count"/>.</exception>
    public ITradeEvent this[int index]
    {
        get
        {
            if (_single is not null)
            {
                ArgumentOutOfRangeException.ThrowIfNotEqual(index, 0);
                return _single;
            }

            return _many.IsDefault ? throw new ArgumentOutOfRangeException(nameof(index)) : _many[index];
        }
    }

    /// <summary>An accepted decision with one event.</summary>
    public static DecisionResult Accept(ITradeEvent evt, int tradeIdsUsed = 0)
    {
        ArgumentNullException.ThrowIfNull(evt);
        return new(true, evt, default, [], tradeIdsUsed);
    }

    /// <summary>An accepted decision with several events, in order.</summary>
    public static DecisionResult Accept(ImmutableArray<ITradeEvent> events, int tradeIdsUsed = 0) =>
        new(true, null, events, [], tradeIdsUsed);

    /// <summary>A rejection; a refused booking still uses its id, so every capture has a reference.</summary>
    public static DecisionResult Reject(TradeRejected rejection, int tradeIdsUsed = 0)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        return new(false, rejection, default, rejection.Reasons, tradeIdsUsed);
    }

    /// <summary>The same decision as an object (allocates it and its event array).</summary>
    public Decision ToDecision() => IsAccepted
        ? Decision.Accept(_single is not null ? [_single] : _many, TradeIdsUsed)
        : Decision.Reject((TradeRejected)_single!, TradeIdsUsed);
}
