using System.Net.Http.Json;
using TradeFlow.Server.Http.Security;
using TradeFlow.Server.Tests.Http.Support;

namespace TradeFlow.Server.Tests.Http;

public sealed class BackOfficeEndpointTests
{
    [Fact]
    public async Task A_booked_equity_trade_has_a_securities_and_a_cash_obligation()
    {
        await using var host = await ApiHost.StartAsync();
        var tradeId = await host.BookAsync(Trades.Apple());
        using var client = host.Client(ApiRole.BackOffice);

        var obligations = await Json.GetAsync(client, $"/api/trades/{tradeId}/obligations");

        var kinds = obligations.EnumerateArray().Select(o => o.GetProperty("kind").GetString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["PayCash", "ReceiveSecurities"], kinds);
        Assert.All(obligations.EnumerateArray(), o => Assert.Equal("2025-03-17", o.GetProperty("valueDate").GetString()));
    }

    [Fact]
    public async Task Settlement_status_updates_go_through_the_engine_and_show_in_the_trade()
    {
        await using var host = await ApiHost.StartAsync();
        var tradeId = await host.BookAsync(Trades.Apple());

        await host.SettlementAsync(tradeId, "instructed");
        await host.SettlementAsync(tradeId, "matched", new { matchReference = "CSD-1" });
        await host.SettlementAsync(tradeId, "settled", new { settledOn = "2025-03-17" });
        using var client = host.Client(ApiRole.BackOffice);
        var trade = await Json.GetAsync(client, $"/api/trades/{tradeId}");
        var history = await Json.GetAsync(client, $"/api/trades/{tradeId}/history");

        Assert.Equal("Settled", trade.GetProperty("status").GetString());
        Assert.Equal("2025-03-17", trade.GetProperty("settledOn").GetString());
        Assert.Equal(["TradeBooked", "SettlementInstructed", "SettlementMatched", "SettlementSettled"],
            history.EnumerateArray().Select(e => e.GetProperty("type").GetString()));
        Assert.All(history.EnumerateArray().Skip(1), e => Assert.Equal(ApiHost.ActorOf(ApiRole.BackOffice), e.GetProperty("actor").GetString()));
    }

    [Fact]
    public async Task A_failed_settlement_appears_in_the_fails_with_its_reason()
    {
        await using var host = await ApiHost.StartAsync();
        var tradeId = await host.BookAsync(Trades.Apple());
        await host.SettlementAsync(tradeId, "instructed");
        await host.SettlementAsync(tradeId, "failed", new { reason = "insufficient securities" });
        using var client = host.Client(ApiRole.BackOffice);

        var fails = await Json.GetAsync(client, "/api/settlement/fails?date=2025-03-19");

        var fail = Assert.Single(fails.EnumerateArray());
        Assert.Equal(tradeId, fail.GetProperty("tradeId").GetString());
    }

    [Fact]
    public async Task A_settlement_update_missing_its_field_is_400_naming_it_and_an_unknown_status_is_404()
    {
        await using var host = await ApiHost.StartAsync();
        var tradeId = await host.BookAsync(Trades.Apple());
        using var client = host.Client(ApiRole.BackOffice);

        using var matched = await client.PostAsJsonAsync($"/api/trades/{tradeId}/settlement/matched", new { });
        using var settled = await client.PostAsJsonAsync($"/api/trades/{tradeId}/settlement/settled", new { settledOn = "17/03/2025" });
        using var unknown = await client.PostAsJsonAsync($"/api/trades/{tradeId}/settlement/lost", new { });

        Assert.True((await Json.ProblemAsync(matched, 400)).GetProperty("errors").TryGetProperty("matchReference", out _));
        Assert.True((await Json.ProblemAsync(settled, 400)).GetProperty("errors").TryGetProperty("settledOn", out _));
        await Json.ProblemAsync(unknown, 404);
    }

    [Fact]
    public async Task Settling_before_instruction_is_refused_by_the_lifecycle_with_422()
    {
        await using var host = await ApiHost.StartAsync();
        var tradeId = await host.BookAsync(Trades.Apple());
        using var client = host.Client(ApiRole.BackOffice);

        using var response = await client.PostAsJsonAsync($"/api/trades/{tradeId}/settlement/settled", new { settledOn = "2025-03-17" });

        await Json.ProblemAsync(response, 422);
    }

    [Fact]
    public async Task The_ladder_netting_sets_and_exceptions_answer_from_the_settlement_projection()
    {
        await using var host = await ApiHost.StartAsync();
        await host.BookAsync(Trades.Apple());
        using var client = host.Client(ApiRole.BackOffice);

        var ladder = await Json.GetAsync(client, "/api/settlement/ladder?from=2025-03-14&days=5");
        var netting = await Json.GetAsync(client, "/api/settlement/netting-sets");
        var exceptions = await Json.GetAsync(client, "/api/settlement/exceptions");

        var row = ladder.EnumerateArray().Single(r => r.GetProperty("date").GetString() == "2025-03-17" && r.GetProperty("currency").GetString() == "USD");
        Assert.Equal(190_500m, row.GetProperty("pay").GetDecimal());
        Assert.Equal(-190_500m, row.GetProperty("net").GetDecimal());
        Assert.True(netting.GetArrayLength() >= 1);
        Assert.Equal(0, exceptions.GetArrayLength());
    }

    [Fact]
    public async Task A_ladder_longer_than_a_year_is_400_naming_days()
    {
        await using var host = await ApiHost.StartAsync();
        using var client = host.Client(ApiRole.BackOffice);

        using var response = await client.GetAsync(new Uri("/api/settlement/ladder?days=999", UriKind.Relative));

        Assert.True((await Json.ProblemAsync(response, 400)).GetProperty("errors").TryGetProperty("days", out _));
    }

    [Fact]
    public async Task The_trial_balance_sums_to_zero_and_the_postings_of_a_trade_balance()
    {
        await using var host = await ApiHost.StartAsync();
        var tradeId = await host.BookAsync(Trades.Apple());
        await host.BookAsync(Trades.EurUsdSpot());
        using var client = host.Client(ApiRole.Auditor);

        var trial = await Json.GetAsync(client, "/api/ledger/trial-balance");
        var postings = await Json.GetAsync(client, $"/api/trades/{tradeId}/postings");
        var balances = await Json.GetAsync(client, "/api/ledger/balances?book=EQ-NY");

        Assert.NotEqual(0, trial.GetArrayLength());
        Assert.All(trial.EnumerateArray(), line => Assert.Equal(0m, line.GetProperty("net").GetDecimal()));
        var entry = Assert.Single(postings.EnumerateArray());
        Assert.Equal(tradeId, entry.GetProperty("tradeId").GetString());
        Assert.Equal(0m, entry.GetProperty("lines").EnumerateArray().Sum(l => l.GetProperty("amount").GetDecimal()));
        Assert.All(balances.EnumerateArray(), b => Assert.Equal("EQ-NY", b.GetProperty("key").GetProperty("book").GetString()));
    }
}
