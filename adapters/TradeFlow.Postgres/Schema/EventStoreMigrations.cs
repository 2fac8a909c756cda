namespace TradeFlow.Postgres.Schema;

/// <summary>
/// The store's schema (events, then projections), as the ordered list of its migrations (see <c>docs/postgres.md</c>).
/// </summary>
public static class EventStoreMigrations
{
    // Ticks from 0001-01-01 to the Unix epoch: the generated timestamptz columns are derived from exact .NET ticks.
    private static string TicksToTimestamp(string column) => $"to_timestamp((({column} - 621355968000000000) / 10000000.0)::float8)";

    /// <summary>Every migration, in version order.</summary>
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "events and head", V1()),
        new(2, "projections", ProjectionMigrations.V2()),
        new(3, "events: stream_id in the C collation, recorded_at and effective_at written by the store", V3()),
        new(4, "events: deferred jsonb copy (event_data, data_fill, fill_event_data, events_with_data)", DeferredJsonMigrations.V4()),
    ];

    private static string V1() => $"""
        -- The head row is the store's gapless position counter and its append lock: every append locks it
        -- first and commits before releasing it, so positions are dense and commit in position order.
        CREATE TABLE {"{schema}"}.head (
            id boolean PRIMARY KEY DEFAULT true CHECK (id),
            position bigint NOT NULL CHECK (position >= 0)
        );
        INSERT INTO {"{schema}"}.head (id, position) VALUES (true, 0);

        CREATE TABLE {"{schema}"}.events (
            position bigint PRIMARY KEY CHECK (position >= 1),
            stream_id text NOT NULL,
            version bigint NOT NULL CHECK (version >= 0),
            event_id uuid NOT NULL,
            type text NOT NULL,
            schema_version integer NOT NULL,
            recorded_ticks bigint NOT NULL,
            recorded_offset smallint NOT NULL,
            effective_ticks bigint NOT NULL,
            effective_offset smallint NOT NULL,
            correlation_id uuid,
            causation_id uuid,
            source text,
            actor text,
            payload bytea NOT NULL,
            metadata bytea,
            data jsonb,
            recorded_at timestamptz GENERATED ALWAYS AS ({TicksToTimestamp("recorded_ticks")}) STORED,
            effective_at timestamptz GENERATED ALWAYS AS ({TicksToTimestamp("effective_ticks")}) STORED,
            CONSTRAINT events_stream_version UNIQUE (stream_id, version)
        );
        """;

    // Cuts the server's CPU per appended row (measured in docs/benchmarks.md, "Server CPU per row"). On an existing
    // events table both statements hold an ACCESS EXCLUSIVE lock while the unique index is rebuilt and the table is
    // scanned for NULLs: minutes on a large table, so run it in a maintenance window (docs/postgres.md).
    private static string V3() => """
        -- The (stream_id, version) index compared stream ids with the database's collation (strcoll on every
        -- B-tree comparison, and the databases here are C.UTF-8, not "C"). Stream ids are identifiers, never
        -- sorted for people, and equality is byte equality under any deterministic collation, so "C" (memcmp)
        -- answers every query the same way. PostgreSQL keeps the rows and rebuilds the index.
        ALTER TABLE {schema}.events ALTER COLUMN stream_id TYPE text COLLATE "C";

        -- The generated columns evaluated to_timestamp(float8) twice per row (~0.7 µs of the server's ~8). The
        -- store now sends both in binary from the same ticks; DROP EXPRESSION keeps the values already stored.
        ALTER TABLE {schema}.events ALTER COLUMN recorded_at DROP EXPRESSION, ALTER COLUMN effective_at DROP EXPRESSION;
        ALTER TABLE {schema}.events ALTER COLUMN recorded_at SET NOT NULL, ALTER COLUMN effective_at SET NOT NULL;
        """;
}
