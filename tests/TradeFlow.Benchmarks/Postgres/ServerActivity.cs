using System.Globalization;
using Npgsql;

namespace TradeFlow.Benchmarks.Postgres;

/// <summary>
/// What the server did besides the appends, read at one moment, so that a run's figure can be trusted or discarded:
/// checkpoints and who wrote the dirty buffers (<c>pg_stat_bgwriter</c>), how often a WAL insert found the WAL buffers
/// full and had to write WAL itself (<c>pg_stat_wal</c>), and autovacuum/autoanalyze passes on the benchmark's own
/// tables. The difference of two readings is what happened between them.
/// </summary>
/// <remarks>
/// <c>buffers_backend</c> is not used for the appends' own writes: on PostgreSQL 15 the backends' writes reach it
/// only when the checkpointer absorbs its fsync request queue (when the queue is half full, at a checkpoint or its
/// timeout), so with 2 GB of shared buffers a run's writes showed up 131,000 blocks later in another run. The bytes
/// the store's own backends passed to <c>write</c>/<c>pwrite</c> (<c>wchar</c> in <c>/proc/PID/io</c>) are exact
/// and immediate instead: their share of the WAL, the empty blocks that extend the table and its indexes, and every
/// dirty buffer they had to write out to get a free one — the last part is what shared_buffers decides. (<c>wchar</c>
/// counts every write system call, the socket to the client included; that part is small for COPY commits.)
/// <c>pg_stat_wal</c> is flushed by each backend at most once a second, so its counts are exact only to about a
/// second of a run's work.
/// </remarks>
internal readonly record struct ServerActivity(
    long Checkpoints, long BuffersCheckpoint, long BuffersClean, long MaxWrittenClean, long BuffersBackend,
    long WalBuffersFull, long WalWrites, long WalSyncs, long AutovacuumRuns, long AutoanalyzeRuns, long PagesInSchema,
    long BackendWrittenBytes)
{
    /// <summary>
    /// Reads the server-wide counters, those of the tables in <paramref name="schema"/> and the bytes written by the
    /// client backends in <paramref name="backends"/>.
    /// </summary>
    public static ServerActivity Take(string connectionString, string schema, HashSet<int> backends)
    {
        var written = ServerCpu.WrittenBytes(backends.Contains);
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(
            """
            SELECT b.checkpoints_timed + b.checkpoints_req, b.buffers_checkpoint, b.buffers_clean, b.maxwritten_clean, b.buffers_backend,
                   w.wal_buffers_full, w.wal_write, w.wal_sync,
                   (SELECT coalesce(sum(autovacuum_count), 0)::bigint FROM pg_stat_all_tables WHERE schemaname = $1),
                   (SELECT coalesce(sum(autoanalyze_count), 0)::bigint FROM pg_stat_all_tables WHERE schemaname = $1),
                   (SELECT coalesce(sum(pg_relation_size(c.oid)), 0)::bigint / current_setting('block_size')::bigint
                      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'i'))
            FROM pg_stat_bgwriter b, pg_stat_wal w
            """, connection);
        command.Parameters.AddWithValue(schema);
        using var reader = command.ExecuteReader();
        reader.Read();
        return new ServerActivity(
            reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4),
            reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8), reader.GetInt64(9), reader.GetInt64(10),
            written);
    }

    /// <summary>The server settings that decide who writes buffers and WAL, as one line (so a figure says what it ran on).</summary>
    public static string Settings(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(
            """
            SELECT string_agg(name || '=' || current_setting(name), ', ' ORDER BY name) FROM pg_settings
            WHERE name IN ('shared_buffers', 'wal_buffers', 'max_wal_size', 'checkpoint_timeout', 'wal_compression',
                           'bgwriter_lru_maxpages', 'autovacuum', 'huge_pages', 'synchronous_commit', 'fsync', 'full_page_writes')
            """, connection);
        // PostgreSQL 15 does not say whether huge_pages = try got them (huge_pages_status is 17's); the kernel does.
        var meminfo = File.ReadAllLines("/proc/meminfo").Select(l => l.Split(':', 2)).ToDictionary(p => p[0], p => p[1].Trim());
        // A server in huge pages holds them from its start: untouched ones count as free and reserved (Rsvd) at once.
        return $"server: {command.ExecuteScalar()}; huge pages on the machine: {meminfo["HugePages_Total"]} in the pool, " +
            $"{meminfo["HugePages_Free"]} free of which {meminfo["HugePages_Rsvd"]} reserved by a running process";
    }

    /// <summary>What happened between two readings.</summary>
    public static ServerActivity operator -(ServerActivity after, ServerActivity before) => new(
        after.Checkpoints - before.Checkpoints, after.BuffersCheckpoint - before.BuffersCheckpoint,
        after.BuffersClean - before.BuffersClean, after.MaxWrittenClean - before.MaxWrittenClean,
        after.BuffersBackend - before.BuffersBackend, after.WalBuffersFull - before.WalBuffersFull,
        after.WalWrites - before.WalWrites, after.WalSyncs - before.WalSyncs,
        after.AutovacuumRuns - before.AutovacuumRuns, after.AutoanalyzeRuns - before.AutoanalyzeRuns,
        after.PagesInSchema - before.PagesInSchema, after.BackendWrittenBytes - before.BackendWrittenBytes);

    /// <summary>One line for the benchmark's output: the server's side activity during the run, per 1,000 events where a rate helps.</summary>
    public string Describe(double events) => string.Create(CultureInfo.InvariantCulture,
        $"    server during the run: {Checkpoints} checkpoint(s); the appends' backend wrote {BackendWrittenBytes / events:F0} B/event " +
        $"(the tables and indexes grew by {PagesInSchema * 8192 / events:F0} B/event); blocks written by the checkpointer {BuffersCheckpoint:N0}, " +
        $"by the bgwriter {BuffersClean:N0} (stopped at its limit {MaxWrittenClean}×), by backends as reported so far {BuffersBackend:N0}; " +
        $"WAL buffers full {WalBuffersFull:N0}×, WAL writes {WalWrites:N0}, syncs {WalSyncs:N0}; " +
        $"autovacuum {AutovacuumRuns}, autoanalyze {AutoanalyzeRuns} on the run's tables");
}
