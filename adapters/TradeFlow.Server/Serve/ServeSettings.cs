namespace TradeFlow.Server.Serve;

/// <summary>What <c>tradeflow serve</c> runs on, resolved from flags over configuration over defaults.</summary>
/// <param name="Store">Which event store: the embedded journal or PostgreSQL.</param>
/// <param name="DataDirectory">The data directory: the embedded journal and its projection snapshots.</param>
/// <param name="PostgresConnectionString">The PostgreSQL connection string when <paramref name="Store"/> is PostgreSQL.</param>
/// <param name="ReferenceDataDirectory">The reference-data files.</param>
/// <param name="FixConfigPath">The FIX sessions, a QuickFIX-format <c>.cfg</c> file.</param>
/// <param name="Urls">Where the HTTP API and dashboard listen.</param>
internal sealed record ServeSettings(StoreKind Store, string DataDirectory, string? PostgresConnectionString,
    string ReferenceDataDirectory, string FixConfigPath, IReadOnlyList<string> Urls)
{
    /// <summary>The PostgreSQL schema holding the events and projections (one TradeFlow per schema).</summary>
    public string PostgresSchema { get; init; } = "tradeflow";
}
