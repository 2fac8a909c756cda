namespace TradeFlow.Postgres;

/// <summary>The store's SQL for one schema, built once when the store opens (the schema name is validated).</summary>
internal sealed class EventSql
{
    /// <summary>The columns of an event row, in the order writers send them and readers receive them.</summary>
    public const string Columns =
        "position, stream_id, version, event_id, type, schema_version, recorded_ticks, recorded_offset, " +
        "effective_ticks, effective_offset, correlation_id, causation_id, source, actor, payload, metadata, data, recorded_at, effective_at, data_deferred";

    // Readers do not need the jsonb copy: payload holds the exact bytes.
    private const string ReadColumns =
        "position, stream_id, version, event_id, type, schema_version, recorded_ticks, recorded_offset, " +
        "effective_ticks, effective_offset, correlation_id, causation_id, source, actor, payload, metadata";

    public EventSql(string schema)
    {
        LockHead = $"SELECT position FROM {schema}.head FOR UPDATE";
        Head = $"SELECT position FROM {schema}.head";

        // One index probe per stream (the unique (stream_id, version) index read backwards), in the caller's order.
        StreamVersions = $"""
            SELECT coalesce((SELECT e.version FROM {schema}.events e WHERE e.stream_id = s.stream_id ORDER BY e.version DESC LIMIT 1), -1)
            FROM unnest($1::text[]) WITH ORDINALITY AS s(stream_id, i) ORDER BY s.i
            """;
        StreamVersion = $"SELECT coalesce(max(version), -1) FROM {schema}.events WHERE stream_id = $1";
        EventIds = $"SELECT version, event_id, position FROM {schema}.events WHERE stream_id = $1 AND version BETWEEN $2 AND $3";
        Insert = $"""
            INSERT INTO {schema}.events ({Columns})
            SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::uuid[], $5::text[], $6::integer[], $7::bigint[], $8::smallint[],
                                 $9::bigint[], $10::smallint[], $11::uuid[], $12::uuid[], $13::text[], $14::text[], $15::bytea[], $16::bytea[], $17::jsonb[],
                                 $18::timestamptz[], $19::timestamptz[], $20::boolean[])
            """;
        Copy = $"COPY {schema}.events ({Columns}) FROM STDIN (FORMAT BINARY)";
        // One statement, not an UPDATE and a SELECT pg_notify in a batch: from a synchronous call Npgsql sends every
        // statement of a batch after the first on a background task (so that a large first result cannot deadlock the
        // send, npgsql#641), and those thread-pool and socket-engine wake-ups were a large share of the journal
        // thread's CPU per commit. The notification's payload is the new head, as text.
        FillData = $"SELECT filled_to, head_position FROM {schema}.fill_event_data($1, $2)";
        FilledTo = $"SELECT position FROM {schema}.data_fill";
        AdvanceHead = $"WITH advanced AS (UPDATE {schema}.head SET position = $1 RETURNING position) SELECT pg_notify($2, position::text) FROM advanced";
        ReadStreamForwards = $"SELECT {ReadColumns} FROM {schema}.events WHERE stream_id = $1 AND version >= $2 ORDER BY version LIMIT $3";
        ReadStreamBackwards = $"SELECT {ReadColumns} FROM {schema}.events WHERE stream_id = $1 AND version <= $2 ORDER BY version DESC LIMIT $3";
        ReadAllForwards = $"SELECT {ReadColumns} FROM {schema}.events WHERE position >= $1 AND position <= $2 ORDER BY position LIMIT $3";
        ReadAllBackwards = $"SELECT {ReadColumns} FROM {schema}.events WHERE position <= $1 ORDER BY position DESC LIMIT $2";
    }

    public string LockHead { get; }

    public string Head { get; }

    public string StreamVersions { get; }

    public string StreamVersion { get; }

    public string EventIds { get; }

    public string Insert { get; }

    public string Copy { get; }

    public string AdvanceHead { get; }

    public string FillData { get; }

    public string FilledTo { get; }

    public string ReadStreamForwards { get; }

    public string ReadStreamBackwards { get; }

    public string ReadAllForwards { get; }

    public string ReadAllBackwards { get; }
}
