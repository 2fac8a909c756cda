namespace TradeFlow.Server.Serve;

/// <summary>The event store <c>tradeflow serve</c> runs on.</summary>
internal enum StoreKind
{
    /// <summary>The embedded journal in the data directory (the default; no server needed).</summary>
    Journal,

    /// <summary>PostgreSQL, projections stored beside the events.</summary>
    Postgres,
}
