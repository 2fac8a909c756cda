using TradeFlow.Server.Http.Security;
using TradeFlow.Server.Tests.Http.Support;

namespace TradeFlow.Server.Tests.Http;

public sealed class OperationsEndpointTests
{
    [Fact]
    public async Task Ready_is_200_while_the_engine_runs_and_503_once_it_has_stopped()
    {
        await using var host = await ApiHost.StartAsync();
        using var client = host.Client(null);

        var ready = await Json.GetAsync(client, "/health/ready");
        host.Engine.Stop(ApiHost.Timeout);
        var stopped = await Json.GetAsync(client, "/health/ready", 503);
        var live = await Json.GetAsync(client, "/health/live");

        Assert.True(ready.GetProperty("ready").GetBoolean());
        Assert.False(stopped.GetProperty("ready").GetBoolean());
        Assert.Equal("Stopped", stopped.GetProperty("engineState").GetString());
        Assert.Equal("live", live.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_command_while_the_engine_is_stopped_is_503_problem_details()
    {
        await using var host = await ApiHost.StartAsync();
        host.Engine.Stop(ApiHost.Timeout);
        using var client = host.Client(ApiRole.Trader);

        using var response = await client.PostAsync(new Uri("/api/trades", UriKind.Relative), System.Net.Http.Json.JsonContent.Create(Trades.Apple()));

        await Json.ProblemAsync(response, 503);
    }

    [Fact]
    public async Task Metrics_report_the_store_head_commands_sessions_and_projection_checkpoints()
    {
        await using var host = await ApiHost.StartAsync();
        using var client = host.Client(ApiRole.Admin);
        var first = await Json.GetAsync(client, "/metrics");
        await host.BookAsync(Trades.Apple());

        var second = await Json.GetAsync(client, "/metrics");

        Assert.Equal(System.Text.Json.JsonValueKind.Null, first.GetProperty("eventsPerSecond").ValueKind);
        Assert.Equal(host.Store.HeadPosition.Value, second.GetProperty("headPosition").GetInt64());
        Assert.Equal(1, second.GetProperty("httpCommands").GetInt64());
        Assert.Equal(2, second.GetProperty("sessionsLoggedOn").GetInt32());
        Assert.True(second.GetProperty("eventsPerSecond").GetDouble() > 0);
        Assert.All(second.GetProperty("projectionCheckpoints").EnumerateObject(), p => Assert.Equal(host.Store.HeadPosition.Value, p.Value.GetInt64()));
    }

    [Fact]
    public async Task Metrics_report_the_ring_the_engines_commands_and_the_journal_commit_latency()
    {
        await using var host = await ApiHost.StartAsync();
        using var client = host.Client(ApiRole.Risk);
        var idle = await Json.GetAsync(client, "/metrics");
        await host.BookAsync(Trades.Apple());
        await host.BookAsync(Trades.Apple());

        var busy = await Json.GetAsync(client, "/metrics");

        Assert.Equal(0, idle.GetProperty("ringOccupancy").GetInt64());
        Assert.Equal(0, idle.GetProperty("engineCommands").GetInt64());
        Assert.Equal(0d, idle.GetProperty("commitLatency").GetProperty("p99Microseconds").GetDouble());
        var capacity = busy.GetProperty("ringCapacity").GetInt32();
        Assert.True(capacity > 0);
        Assert.InRange(busy.GetProperty("ringOccupancy").GetInt64(), 0, capacity);
        Assert.Equal(2, busy.GetProperty("engineCommands").GetInt64());
        Assert.True(busy.GetProperty("engineCommandsPerSecond").GetDouble() > 0);
        Assert.Equal(host.Store.HeadPosition.Value, busy.GetProperty("eventsCommitted").GetInt64());
        var latency = busy.GetProperty("commitLatency");
        Assert.True(latency.GetProperty("lastMicroseconds").GetDouble() > 0);
        Assert.True(latency.GetProperty("p50Microseconds").GetDouble() >= 1);
        Assert.True(latency.GetProperty("p99Microseconds").GetDouble() >= latency.GetProperty("p50Microseconds").GetDouble());
        Assert.True(latency.GetProperty("maxMicroseconds").GetDouble() >= latency.GetProperty("lastMicroseconds").GetDouble());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_every_api_path()
    {
        await using var host = await ApiHost.StartAsync();
        using var client = host.Client(null);

        var document = await Json.GetAsync(client, "/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var path in new[]
                 {
                     "/api/risk/exposures", "/api/risk/exposures/{counterparty}", "/api/risk/exposures/history", "/api/risk/currency-exposure",
                     "/api/risk/positions", "/api/risk/pnl", "/api/trades", "/api/trades/{tradeId}", "/api/trades/{tradeId}/history",
                     "/api/trades/{tradeId}/amend", "/api/trades/{tradeId}/cancel", "/api/trades/{tradeId}/settlement/{status}",
                     "/api/trades/{tradeId}/obligations", "/api/trades/{tradeId}/postings", "/api/settlement/netting-sets",
                     "/api/settlement/ladder", "/api/settlement/fails", "/api/settlement/exceptions", "/api/ledger/balances",
                     "/api/ledger/trial-balance", "/health/live", "/health/ready", "/metrics", "/api/admin/counterparties/{lei}/limit",
                 })
        {
            Assert.Contains(path, paths);
        }

        Assert.DoesNotContain("/", paths);
    }
}
