using System.Text;
using Npgsql;
using TradeFlow.EventSourcing;
using TradeFlow.Postgres;

namespace TradeFlow.Benchmarks.Postgres;

/// <summary>The database, a throw-away schema and realistic events for the PostgreSQL benchmarks.</summary>
internal static class PostgresBenchmarkData
{
    public static PostgresEventStoreOptions Options(string schema, bool jsonColumn = true, string? applicationName = null) =>
        Options(schema, jsonColumn ? JsonColumn.Inline : JsonColumn.None, applicationName);

    public static PostgresEventStoreOptions Options(string schema, JsonColumn json, string? applicationName = null, bool runFill = true) =>
        new((Environment.GetEnvironmentVariable("TRADEFLOW_PG")
            ?? throw new InvalidOperationException("TRADEFLOW_PG is not set: `source scripts/postgres.sh && start_postgres` first."))
            + (applicationName is null ? "" : ";Application Name=" + applicationName))
        {
            Schema = schema,
            JsonColumn = json,
            RunDeferredFill = runFill,
        };

    public static string NewSchema(string name) => $"bench_{name}_{Guid.NewGuid():N}"[..40];

    /// <summary>Events with a ~250-byte JSON payload shaped like a booked trade, and every envelope field set.</summary>
    public static EventData[] Events(int count)
    {
        var recorded = new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
        var events = new EventData[count];
        for (var i = 0; i < count; i++)
        {
            var payload = Encoding.UTF8.GetBytes(
                $"{{\"tradeId\":\"T{i:D12}\",\"book\":\"FX-SPOT-LDN\",\"counterparty\":\"5493001KJTIIGC8Y1R12\",\"instrument\":\"EURUSD\"," +
                $"\"side\":\"Buy\",\"quantity\":\"1000000\",\"price\":\"1.08515\",\"tradeDate\":\"2026-03-02\",\"settlementDate\":\"2026-03-04\"}}");
            events[i] = new EventData(Guid.NewGuid(), "TradeBooked", 1, payload, recorded.AddTicks(i), recorded)
            {
                CorrelationId = Guid.NewGuid(),
                CausationId = Guid.NewGuid(),
                Source = $"FIX:TRADER1-TRADEFLOW:MsgSeqNum={i}",
                Actor = "trader:jdoe",
            };
        }

        return events;
    }

    public static void DropSchema(PostgresEventStoreOptions options)
    {
        using var connection = new NpgsqlConnection(options.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {options.Schema} CASCADE", connection);
        command.ExecuteNonQuery();
    }
}
