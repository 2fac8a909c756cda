namespace TradeFlow.Replay.Diff;

/// <summary>What changed between two points: lifecycle events by type, exposure by counterparty, P&amp;L by book.</summary>
public sealed record HistoryDiff
{
    /// <summary>The first point, as given.</summary>
    public required string From { get; init; }

    /// <summary>The second point, as given.</summary>
    public required string To { get; init; }

    /// <summary>Events inside the second view and not the first.</summary>
    public long Events { get; init; }

    /// <summary>Those events by type (TradeBooked, TradeAmended, TradeCancelled, SettlementSettled, ...).</summary>
    public required IReadOnlyDictionary<string, long> ByType { get; init; }

    /// <summary>Utilised exposure against each counterparty's limit, in the limit currency.</summary>
    public required IReadOnlyList<DeltaRow> Exposure { get; init; }

    /// <summary>Realised + unrealised P&amp;L by book and currency.</summary>
    public required IReadOnlyList<DeltaRow> Pnl { get; init; }
}
