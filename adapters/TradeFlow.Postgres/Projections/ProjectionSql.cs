namespace TradeFlow.Postgres.Projections;

/// <summary>The projection store's SQL for one schema (the schema name is validated before it is interpolated).</summary>
internal sealed class ProjectionSql
{
    public ProjectionSql(string schema)
    {
        Table = schema + ".projections";
        Load = $"""
            SELECT version, position, last_recorded_ticks, last_recorded_offset, state_hash, state
            FROM {Table} WHERE name = $1
            """;
        Token = $"SELECT version, position FROM {Table} WHERE name = $1";

        // The first save: whoever inserts first owns the row; the loser's insert does nothing and it sees 0 rows.
        Insert = $"""
            INSERT INTO {Table} (name, version, position, last_recorded_ticks, last_recorded_offset, state_hash, state)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (name) DO NOTHING
            """;

        // Every later save: one statement, optimistic on the (version, position) the saver last saw. The row lock
        // taken by the UPDATE makes a concurrent second saver re-check the WHERE against the committed row, so
        // of two runners that loaded the same checkpoint exactly one updates it.
        Update = $"""
            UPDATE {Table}
            SET version = $2, position = $3, last_recorded_ticks = $4, last_recorded_offset = $5, state_hash = $6,
                state = $7, updated_at = now()
            WHERE name = $1 AND version = $8 AND position = $9
            """;
    }

    /// <summary>The qualified table name, for error messages.</summary>
    public string Table { get; }

    public string Load { get; }

    public string Token { get; }

    public string Insert { get; }

    public string Update { get; }
}
