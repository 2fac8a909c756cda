using TradeFlow.Domain.Events;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Trades;

/// <summary>
/// A trade's current state, folded from its events. Immutable and small: the economics record is
/// shared with the event that set it, so the engine can hold every live trade in memory. State
/// changes only through <see cref="Apply"/> (or <see cref="Evolve"/>); decisions are made by
/// <see cref="TradeDecider"/>.
/// </summary>
public sealed record Trade
{
    private Trade(TradeId id, TradeEconomics economics, AssetClass assetClass)
    {
        Id = id;
        Economics = economics;
        AssetClass = assetClass;
    }

    /// <summary>The trade id.</summary>
    public TradeId Id { get; }

    /// <summary>The current economics (quantity reduced by partial terminations).</summary>
    public TradeEconomics Economics { get; private init; }

    /// <summary>The instrument's asset class at booking.</summary>
    public AssetClass AssetClass { get; }

    /// <summary>Where the trade is in its life.</summary>
    public TradeStatus Status { get; private init; } = TradeStatus.Booked;

    /// <summary>True once the counterparty confirmed the current economics (an amendment resets it).</summary>
    public bool IsConfirmed { get; private init; }

    /// <summary>
    /// Number of events applied from the trade's stream, rejections included: the stream's next
    /// expected version for the engine (0-based versions: the last event is Version − 1).
    /// </summary>
    public int Version { get; private init; }

    /// <summary>Settlement attempts instructed so far (re-instruction after a fail adds one).</summary>
    public int SettlementAttempts { get; private init; }

    /// <summary>The block, when this trade is an allocation child.</summary>
    public TradeId? ParentTradeId { get; private init; }

    /// <summary>The novated trade, when this trade is the new leg of a novation.</summary>
    public TradeId? NovatedFromTradeId { get; private init; }

    /// <summary>The successor, once novated.</summary>
    public TradeId? NovatedToTradeId { get; private init; }

    /// <summary>The actual settlement date, once settled.</summary>
    public BusinessDate? SettledOn { get; private init; }

    /// <summary>The reason of the last settlement fail, if any.</summary>
    public string? LastFailReason { get; private init; }

    /// <summary>True while the trade can still change (not allocated, novated, cancelled or matured).</summary>
    public bool IsOpen => Status is not (TradeStatus.Allocated or TradeStatus.Novated or TradeStatus.Cancelled
        or TradeStatus.Matured);

    /// <summary>
    /// Folds one event into an optional state: the evolve function of the decider pattern.
    /// A rejection leaves the state as it was (and counts towards <see cref="Version"/> of an existing trade).
    /// </summary>
    /// <exception cref="InvalidOperationException">The event cannot follow the state (a corrupt or misrouted stream).</exception>
    public static Trade? Evolve(Trade? state, ITradeEvent evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        return state switch
        {
            null when evt is TradeBooked booked => Create(booked),
            null when evt is TradeRejected => null,
            null => throw new InvalidOperationException(
                $"Event {evt.GetType().Name} for trade {evt.TradeId} cannot be applied before TradeBooked."),
            _ => state.Apply(evt),
        };
    }

    /// <summary>
    /// The state of a trade booked directly — no block parent, not a novation's new leg — before any later event: what
    /// <see cref="Evolve"/> makes of such a <see cref="TradeBooked"/>. For a holder that keeps only the booking's
    /// economics and builds the state when it is asked for (the engine's live trades).
    /// </summary>
    public static Trade AsBooked(TradeId id, TradeEconomics economics, AssetClass assetClass)
    {
        ArgumentNullException.ThrowIfNull(economics);
        return new(id, economics, assetClass) { Version = 1 };
    }

    /// <summary>Folds a stream of events from nothing.</summary>
    public static Trade? Replay(IEnumerable<ITradeEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        Trade? state = null;
        foreach (var evt in events)
        {
            state = Evolve(state, evt);
        }

        return state;
    }

    /// <summary>Applies an event of this trade and returns the new state.</summary>
    /// <exception cref="InvalidOperationException">The event is for another trade, or is a second TradeBooked.</exception>
    public Trade Apply(ITradeEvent evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        if (evt.TradeId != Id)
        {
            throw new InvalidOperationException($"Event {evt.GetType().Name} for trade {evt.TradeId} applied to trade {Id}.");
        }

        var next = evt switch
        {
            TradeAmended amended => this with { Economics = amended.Current, IsConfirmed = false },
            TradeCancelled => this with { Status = TradeStatus.Cancelled },
            TradeAllocated => this with { Status = TradeStatus.Allocated },
            TradeConfirmed => this with { IsConfirmed = true },
            TradeNovated novated => this with { Status = TradeStatus.Novated, NovatedToTradeId = novated.NewTradeId },
            TradePartiallyTerminated terminated => this with
            {
                Economics = Economics with { Quantity = terminated.RemainingQuantity },
            },
            SettlementInstructed instructed => this with
            {
                Status = TradeStatus.SettlementInstructed,
                SettlementAttempts = instructed.Attempt,
            },
            SettlementMatched => this with { Status = TradeStatus.SettlementMatched },
            SettlementSettled settled => this with { Status = TradeStatus.Settled, SettledOn = settled.SettledOn },
            SettlementFailed failed => this with { Status = TradeStatus.SettlementFailed, LastFailReason = failed.Reason },
            TradeMatured => this with { Status = TradeStatus.Matured },
            TradeRejected => this,
            TradeBooked => throw new InvalidOperationException($"Trade {Id} is already booked."),
            _ => throw new InvalidOperationException($"Unknown event type {evt.GetType().Name} for trade {Id}."),
        };
        return next with { Version = Version + 1 };
    }

    /// <summary>"T000000000042 Booked (unconfirmed)": the trade's id and state for messages.</summary>
    public override string ToString() => $"{Id} {Status}{(IsConfirmed ? " (confirmed)" : " (unconfirmed)")}";

    private static Trade Create(TradeBooked booked) => new(booked.TradeId, booked.Economics, booked.AssetClass)
    {
        Version = 1,
        ParentTradeId = booked.ParentTradeId,
        NovatedFromTradeId = booked.NovatedFromTradeId,
    };
}
