using Npgsql;

namespace TradeFlow.Replay.Tests.Support;

/// <summary>The real PostgreSQL of the test script; the tests fail (never skip) without <c>TRADEFLOW_PG</c>.</summary>
internal static class TestPostgres
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("TRADEFLOW_PG") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("TRADEFLOW_PG is not set: run `source scripts/postgres.sh && start_postgres` (test.sh does) to start PostgreSQL and export it.");

    public static string NewSchema() => "tfr_" + Guid.NewGuid().ToString("N")[..16];

    public static void DropSchema(string schema) => Execute($"DROP SCHEMA IF EXISTS {schema} CASCADE");

    public static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
