namespace TradeFlow.Postgres.Schema;

/// <summary>
/// The deferred jsonb copy (migration 4 of <see cref="EventStoreMigrations"/>, used by <see cref="JsonColumn.Deferred"/>):
/// the side table the fill writes, its checkpoint, the fill function and the reporting views.
/// </summary>
internal static class DeferredJsonMigrations
{
    /// <summary>events.data_deferred, event_data, data_fill, fill_event_data(), events_with_data and data_fill_status.</summary>
    // The block with an EXCEPTION clause costs one subtransaction per call of fill_event_data, not per row; the
    // row-by-row path (a subtransaction per row) runs only for a range holding a payload jsonb refuses.
    public static string V4() => """
        -- Appends in Deferred mode mark each JSON payload (the same jsonb-safe test as the inline copy) and leave data
        -- NULL; the fill writes its jsonb into event_data after the commit. A nullable column without a default is a
        -- catalogue change only: existing rows are not rewritten.
        ALTER TABLE {schema}.events ADD COLUMN data_deferred boolean;

        -- A side table, not an UPDATE of events: an UPDATE writes a whole new version of the ~850-byte row and new
        -- entries in both of its indexes (measured: 1,462 bytes of WAL and ~13 µs of server CPU per row, against 371
        -- bytes and ~6 µs for an INSERT … SELECT into this table), and leaves the old versions for VACUUM.
        CREATE TABLE {schema}.event_data (
            position bigint PRIMARY KEY,
            data jsonb NOT NULL
        );

        -- The fill checkpoint: every deferred event at or below position has its row in event_data. Advanced in the
        -- same transaction as the rows it covers, so a fill that dies leaves neither rows nor checkpoint behind.
        CREATE TABLE {schema}.data_fill (
            id boolean PRIMARY KEY DEFAULT true CHECK (id),
            position bigint NOT NULL CHECK (position >= 0)
        );
        -- No event written before this migration is deferred, so the fill starts at the current head.
        INSERT INTO {schema}.data_fill (id, position) SELECT true, position FROM {schema}.head;

        CREATE FUNCTION {schema}.fill_event_data_rows(after bigint, upto bigint) RETURNS void
        LANGUAGE plpgsql AS $rows$
        DECLARE
            r record;
        BEGIN
            FOR r IN SELECT e.position, e.payload FROM {schema}.events e
                     WHERE e.position > after AND e.position <= upto AND e.data_deferred ORDER BY e.position LOOP
                BEGIN
                    INSERT INTO {schema}.event_data (position, data) VALUES (r.position, convert_from(r.payload, 'UTF8')::jsonb);
                EXCEPTION WHEN data_exception THEN
                    NULL;
                END;
            END LOOP;
        END
        $rows$;

        -- One step of the fill, up to max_rows positions and only when at least min_rows are waiting, in the caller's
        -- (autocommit) transaction. It takes no lock
        -- an append takes: appends never wait for it.
        CREATE FUNCTION {schema}.fill_event_data(max_rows integer, min_rows integer DEFAULT 1, OUT filled_to bigint, OUT head_position bigint)
        LANGUAGE plpgsql AS $fill$
        DECLARE
            done bigint;
        BEGIN
            -- Too little waiting: answer without the lock below, which would make this a write transaction (a
            -- transaction id, a commit record and a WAL flush) for nothing.
            SELECT f.position, h.position INTO done, head_position FROM {schema}.data_fill f CROSS JOIN {schema}.head h;
            IF head_position - done < min_rows THEN
                filled_to := done;
                RETURN;
            END IF;
            -- One filler at a time: a second caller waits here and then reads the first one's new checkpoint.
            SELECT f.position INTO done FROM {schema}.data_fill f FOR UPDATE;
            -- A new statement, so a new snapshot (READ COMMITTED): positions are dense and the head only moves in
            -- the committing append's own transaction, so every position up to the head read here is committed and
            -- visible to the INSERT below, whose snapshot is later still.
            SELECT h.position INTO head_position FROM {schema}.head h;
            -- Fewer than min_rows behind: leave them for a larger statement (the server's cost per row falls with size).
            filled_to := CASE WHEN head_position - done < min_rows THEN done
                              ELSE greatest(done, least(head_position, done + max_rows)) END;
            IF filled_to > done THEN
                BEGIN
                    INSERT INTO {schema}.event_data (position, data)
                    SELECT e.position, convert_from(e.payload, 'UTF8')::jsonb
                    FROM {schema}.events e
                    WHERE e.position > done AND e.position <= filled_to AND e.data_deferred;
                EXCEPTION WHEN data_exception THEN
                    -- A payload the client's JSON check passed but jsonb refuses (e.g. a number beyond numeric's
                    -- range) must not stop the fill for good: this range again row by row, leaving that one NULL
                    -- as the inline copy leaves a payload it does not send.
                    PERFORM {schema}.fill_event_data_rows(done, filled_to);
                END;
                UPDATE {schema}.data_fill SET position = filled_to;
            END IF;
        END
        $fill$;

        -- What reporting reads: the jsonb copy wherever it was written. data is NULL for non-JSON payloads, and for
        -- events appended in Deferred mode above data_fill_status.filled_to until the fill passes them.
        CREATE VIEW {schema}.events_with_data AS
        SELECT e.position, e.stream_id, e.version, e.event_id, e.type, e.schema_version,
               e.recorded_ticks, e.recorded_offset, e.effective_ticks, e.effective_offset,
               e.correlation_id, e.causation_id, e.source, e.actor, e.payload, e.metadata,
               e.recorded_at, e.effective_at, coalesce(e.data, d.data) AS data
        FROM {schema}.events e
        LEFT JOIN {schema}.event_data d ON d.position = e.position;

        CREATE VIEW {schema}.data_fill_status AS
        SELECT f.position AS filled_to, h.position AS head, h.position - f.position AS behind
        FROM {schema}.data_fill f CROSS JOIN {schema}.head h;
        """;
}
