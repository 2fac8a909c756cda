using System.Text.RegularExpressions;

namespace TradeFlow.Postgres;

/// <summary>Where and how the PostgreSQL event store keeps its events.</summary>
public sealed partial class PostgresEventStoreOptions
{
    /// <summary>The schema used when none is configured.</summary>
    public const string DefaultSchema = "tradeflow";

    /// <summary>Creates options for the database at <paramref name="connectionString"/> (an Npgsql connection string).</summary>
    public PostgresEventStoreOptions(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ConnectionString = connectionString;
    }

    /// <summary>The Npgsql connection string, e.g. from configuration or <c>TRADEFLOW_PG</c>.</summary>
    public string ConnectionString { get; }

    /// <summary>
    /// The schema holding the store's tables (created and migrated by the store). Lower-case letters, digits
    /// and underscores, starting with a letter or underscore, at most 48 characters, so that it needs no
    /// quoting and the notification channel derived from it stays under PostgreSQL's 63-byte identifier limit.
    /// </summary>
    public string Schema { get; init; } = DefaultSchema;

    /// <summary>Run the schema migrations when the store opens (default true; turn off when a DBA applies them).</summary>
    public bool ApplyMigrations { get; init; } = true;

    /// <summary>Commits with at least this many events in total are written by binary COPY instead of a multi-row INSERT.</summary>
    public int CopyThreshold { get; init; } = 256;

    /// <summary>How many rows a read or a subscription fetches per round trip.</summary>
    public int PageSize { get; init; } = 1024;

    /// <summary>
    /// How long a caught-up subscription waits for a notification before it polls anyway: the fallback for a
    /// lost LISTEN connection or a notification dropped by a proxy such as PgBouncer in transaction mode.
    /// </summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// When to write the queryable <c>jsonb</c> copy of each payload that is JSON (NULL for other payloads) for
    /// reporting teams' SQL; the exact bytes always stay in <c>payload</c>. Default <see cref="Postgres.JsonColumn.Inline"/>.
    /// </summary>
    public JsonColumn JsonColumn { get; init; } = JsonColumn.Inline;

    /// <summary>
    /// The earlier switch for the jsonb copy, kept for existing callers: true is <see cref="Postgres.JsonColumn.Inline"/>,
    /// false is <see cref="Postgres.JsonColumn.None"/>; reading it is true unless <see cref="JsonColumn"/> is None.
    /// </summary>
    public bool StoreJsonColumn
    {
        get => JsonColumn != JsonColumn.None;
        init => JsonColumn = value ? JsonColumn.Inline : JsonColumn.None;
    }

    /// <summary>
    /// With <see cref="Postgres.JsonColumn.Deferred"/>: at most this many positions the fill worker covers per
    /// transaction (default 20,000; larger statements cost the server less per row, smaller ones commit sooner).
    /// </summary>
    public int DeferredFillBatch { get; init; } = 20_000;

    /// <summary>
    /// With <see cref="Postgres.JsonColumn.Deferred"/>: the fill worker waits until at least this many positions are
    /// unfilled, or <see cref="PollInterval"/> has passed since its last fill, before it fills (default 10,000: larger
    /// statements cost the server less per row; 1 fills after every commit).
    /// </summary>
    public int DeferredFillMinimum { get; init; } = 10_000;

    /// <summary>Tests turn the deferred fill worker off to drive the fill (or a crash in it) by hand.</summary>
    internal bool RunDeferredFill { get; init; } = true;

    /// <summary>The LISTEN/NOTIFY channel for this schema's commits.</summary>
    internal string Channel => Schema + "_events";

    internal void Validate()
    {
        if (!SchemaPattern().IsMatch(Schema))
        {
            throw new ArgumentException(
                $"Invalid schema name '{Schema}': use 1..48 lower-case letters, digits or underscores, starting with a letter or underscore.",
                nameof(Schema));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(CopyThreshold, 1, nameof(CopyThreshold));
        ArgumentOutOfRangeException.ThrowIfLessThan(PageSize, 1, nameof(PageSize));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PollInterval, TimeSpan.Zero, nameof(PollInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(DeferredFillBatch, 1, nameof(DeferredFillBatch));
        ArgumentOutOfRangeException.ThrowIfLessThan(DeferredFillMinimum, 1, nameof(DeferredFillMinimum));
        if (!Enum.IsDefined(JsonColumn))
        {
            throw new ArgumentOutOfRangeException(nameof(JsonColumn), JsonColumn, "Use Inline, Deferred or None.");
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,47}$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaPattern();
}
