using Microsoft.Extensions.Logging;

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

    /// <summary>When the PostgreSQL store writes the jsonb copy of JSON payloads (config <c>TradeFlow:PostgresJsonColumn</c>: inline, deferred or none).</summary>
    public TradeFlow.Postgres.JsonColumn PostgresJsonColumn { get; init; } = TradeFlow.Postgres.JsonColumn.Inline;

    /// <summary>
    /// Log lines at or above this level are written (default Information). The demo raises it to Warning, so its
    /// report is not interleaved with the server's log.
    /// </summary>
    public LogLevel MinimumLogLevel { get; init; } = LogLevel.Information;

    /// <summary>True to write the log to standard error rather than standard output (the demo's <c>--json</c> owns stdout).</summary>
    public bool LogToStandardError { get; init; }

    /// <summary>
    /// True to compute the engine's decision-state hash once it has stopped (<see cref="ServeHost.StateHashAtStop"/>):
    /// the demo compares it across a restart. Off for <c>serve</c>, whose shutdown should not fold the whole state.
    /// </summary>
    public bool HashStateOnStop { get; init; }

    /// <summary>
    /// The fewest trades the engine's decision state is sized for up front (config <c>TradeFlow:ExpectedTradesFloor</c>,
    /// default <see cref="ServeSizing.DefaultFloor"/>): ~120 B each, taken when the engine is built.
    /// </summary>
    public int ExpectedTradesFloor { get; init; } = ServeSizing.DefaultFloor;

    /// <summary>
    /// The most trades the decision state is sized for up front however large the journal (config
    /// <c>TradeFlow:ExpectedTradesCeiling</c>, default <see cref="ServeSizing.DefaultCeiling"/>); past it the state grows
    /// as it fills.
    /// </summary>
    public int ExpectedTradesCeiling { get; init; } = ServeSizing.DefaultCeiling;
}
