using Npgsql;

namespace TradeFlow.Postgres.Tests;

/// <summary>The real PostgreSQL the test script starts: its connection string, and schemas of our own on it.</summary>
internal static class TestDatabase
{
    /// <summary>The connection string from <c>TRADEFLOW_PG</c>; the tests fail (never skip) without it.</summary>
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("TRADEFLOW_PG") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "TRADEFLOW_PG is not set: run `source scripts/postgres.sh && start_postgres` (test.sh does) to start PostgreSQL and export it.");

    /// <summary>A schema name no other test uses.</summary>
    public static string NewSchema() => "tft_" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>Options for a store in <paramref name="schema"/>.</summary>
    public static PostgresEventStoreOptions Options(string schema, int copyThreshold = 256, JsonColumn json = JsonColumn.Inline) =>
        new(ConnectionString) { Schema = schema, CopyThreshold = copyThreshold, PollInterval = TimeSpan.FromMilliseconds(500), JsonColumn = json };

    /// <summary>Drops <paramref name="schema"/> and everything in it.</summary>
    public static async Task DropSchemaAsync(string schema)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs one SQL statement on a connection of its own and returns the first column of the first row.</summary>
    public static async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>Runs SQL (one or more statements) on a connection of its own.</summary>
    public static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
