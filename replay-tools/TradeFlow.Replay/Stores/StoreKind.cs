namespace TradeFlow.Replay.Stores;

/// <summary>Which backend a verb reads.</summary>
public enum StoreKind
{
    /// <summary>The embedded journal under a data directory.</summary>
    Journal = 1,

    /// <summary>The PostgreSQL event store in one schema.</summary>
    Postgres = 2,
}
