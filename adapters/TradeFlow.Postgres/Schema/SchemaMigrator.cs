using Npgsql;

namespace TradeFlow.Postgres.Schema;

/// <summary>
/// Applies <see cref="EventStoreMigrations"/> to a schema: creates the schema and its <c>schema_migrations</c>
/// table if missing, then runs each migration not yet recorded, all in one transaction under an advisory lock
/// keyed by the schema, so that two processes opening the store at once neither race nor half-migrate.
/// </summary>
internal static class SchemaMigrator
{
    /// <summary>Brings <paramref name="schema"/> up to the latest version; returns the versions it applied (empty when current).</summary>
    public static async Task<IReadOnlyList<int>> MigrateAsync(NpgsqlDataSource dataSource, string schema, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await ExecuteAsync(connection, $"""
                    SELECT pg_advisory_xact_lock(hashtext('tradeflow.migrate.' || '{schema}'));
                    CREATE SCHEMA IF NOT EXISTS {schema};
                    CREATE TABLE IF NOT EXISTS {schema}.schema_migrations (
                        version integer PRIMARY KEY,
                        name text NOT NULL,
                        applied_at timestamptz NOT NULL DEFAULT now());
                    """, cancellationToken).ConfigureAwait(false);
                var applied = await AppliedAsync(connection, schema, cancellationToken).ConfigureAwait(false);
                var ran = new List<int>();
                foreach (var migration in EventStoreMigrations.All)
                {
                    if (applied.Contains(migration.Version))
                    {
                        continue;
                    }

                    await ExecuteAsync(connection, migration.Sql.Replace("{schema}", schema, StringComparison.Ordinal), cancellationToken).ConfigureAwait(false);
                    await ExecuteAsync(connection, $"INSERT INTO {schema}.schema_migrations (version, name) VALUES ({migration.Version}, '{migration.Name.Replace("'", "''", StringComparison.Ordinal)}')", cancellationToken).ConfigureAwait(false);
                    ran.Add(migration.Version);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return ran;
            }
        }
    }

    private static async Task<HashSet<int>> AppliedAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken)
    {
        var applied = new HashSet<int>();
        var command = new NpgsqlCommand($"SELECT version FROM {schema}.schema_migrations", connection);
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    applied.Add(reader.GetInt32(0));
                }
            }
        }

        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        // The schema name is validated (PostgresEventStoreOptions) and the SQL is ours: no user input is interpolated.
#pragma warning disable CA2100
        var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        await using (command.ConfigureAwait(false))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
