namespace TradeFlow.Postgres.Schema;

/// <summary>The projection store's tables and reporting views (migration 2 of <see cref="EventStoreMigrations"/>).</summary>
internal static class ProjectionMigrations
{
    /// <summary>The projections table (one document per projection) and the open-notional-by-counterparty view.</summary>
    public static string V2() => """
        -- One row per projection: its whole state document and the checkpoint it is valid at, replaced together
        -- by one optimistic statement (UPDATE … WHERE version AND position), so two runners cannot both advance it.
        -- state is json, not jsonb: json keeps the exact canonical bytes the state hash is computed over, and
        -- reporting SQL casts it (state::jsonb) where it needs jsonb operators.
        CREATE TABLE {schema}.projections (
            name text PRIMARY KEY,
            version integer NOT NULL,
            position bigint NOT NULL CHECK (position >= 0),
            last_recorded_ticks bigint NOT NULL,
            last_recorded_offset smallint NOT NULL,
            state_hash text NOT NULL,
            state json NOT NULL,
            updated_at timestamptz NOT NULL DEFAULT now()
        );

        -- Gross open notional per counterparty and trade currency, from the exposure projection's trades: what
        -- a reporting team can sum in SQL. Settlement risk against limits needs FX rates and the exposure rules,
        -- so it stays with the GetCounterpartyExposure query.
        CREATE VIEW {schema}.exposure_open_notional AS
        SELECT t -> 'economics' ->> 'counterparty' AS counterparty,
               split_part(t ->> 'notional', ' ', 2) AS currency,
               sum(split_part(t ->> 'notional', ' ', 1)::numeric) AS open_notional,
               count(*) AS open_trades,
               p.position AS as_of_position
        FROM {schema}.projections p
        CROSS JOIN LATERAL jsonb_array_elements(p.state::jsonb -> 'trades') AS t
        WHERE p.name = 'exposure'
          AND NOT coalesce((t ->> 'settled')::boolean, false)
          AND NOT coalesce((t ->> 'closed')::boolean, false)
        GROUP BY 1, 2, p.position;
        """;
}
