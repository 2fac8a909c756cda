using TradeFlow.Projections.Accounting;
using TradeFlow.Projections.Exposure;
using TradeFlow.Projections.Settlement;

namespace TradeFlow.Replay.Folding;

/// <summary>What <c>replay</c> prints: the cut, each projection's state hash, and the views of the projections folded.</summary>
public sealed record PointInTimeView
{
    /// <summary>The store.</summary>
    public required string Store { get; init; }

    /// <summary>The last global position folded.</summary>
    public long? AtPosition { get; init; }

    /// <summary>The recorded-time cut ("as the bank knew it then").</summary>
    public DateTimeOffset? KnownAt { get; init; }

    /// <summary>The effective-date cut.</summary>
    public DateTimeOffset? EffectiveAt { get; init; }

    /// <summary>Envelopes read.</summary>
    public long EventsRead { get; init; }

    /// <summary>Events folded (inside the cut).</summary>
    public long EventsFolded { get; init; }

    /// <summary>Each projection's name, version and SHA-256 state hash (comparable with a live run's).</summary>
    public required IReadOnlyList<ProjectionHash> Projections { get; init; }

    /// <summary>Counterparty exposure against limits.</summary>
    public IReadOnlyList<CounterpartyExposure>? CounterpartyExposure { get; init; }

    /// <summary>Positions by book and instrument.</summary>
    public IReadOnlyList<Position>? Positions { get; init; }

    /// <summary>The settlement ladder (ten business days from the cut's date, overdue first).</summary>
    public IReadOnlyList<LadderRow>? Ladder { get; init; }

    /// <summary>The trial balance by currency.</summary>
    public IReadOnlyList<TrialBalanceLine>? TrialBalance { get; init; }
}
