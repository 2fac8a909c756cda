using System.Net.Http.Json;
using TradeFlow.EventSourcing;
using TradeFlow.Server.Http.Security;
using TradeFlow.Server.Tests.Http.Support;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Server.Tests.Http;

public sealed class AdminEndpointTests
{
    private static readonly string Goldman = DemoIds.GoldmanSachs.ToString();
    private static readonly string LimitPath = $"/api/admin/counterparties/{Goldman}/limit";

    private static async Task<HttpResponseMessage> PutLimitAsync(HttpClient client, object body, string? key = null, string? path = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, path ?? LimitPath) { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return await client.SendAsync(request);
    }

    private static object Limit(decimal hard, decimal soft, string currency = "USD") =>
        new { hard, soft, currency, reason = "Annual credit review" };

    [Fact]
    public async Task An_admin_changes_a_limit_and_the_counterpartys_exposure_shows_it_at_once()
    {
        await using var host = await ApiHost.StartAsync();
        using var admin = host.Client(ApiRole.Admin);
        using var risk = host.Client(ApiRole.Risk);

        using var response = await PutLimitAsync(admin, Limit(80_000_000m, 70_000_000m));
        var result = await Json.ReadAsync(response);
        var exposure = await Json.GetAsync(risk, $"/api/risk/exposures/{Goldman}");

        Assert.Equal(Goldman, result.GetProperty("counterparty").GetString());
        Assert.False(result.GetProperty("duplicate").GetBoolean());
        Assert.Equal(host.Store.HeadPosition.Value, result.GetProperty("position").GetInt64());
        Assert.Equal(80_000_000m, exposure.GetProperty("hardLimit").GetDecimal());
        Assert.Equal(70_000_000m, exposure.GetProperty("softLimit").GetDecimal());
        Assert.Equal(80_000_000m, exposure.GetProperty("headroom").GetDecimal());
    }

    [Fact]
    public async Task The_exposure_as_known_before_the_change_shows_the_old_limit()
    {
        await using var host = await ApiHost.StartAsync();
        using var admin = host.Client(ApiRole.Admin);
        await host.BookAsync(Trades.Apple());
        var before = host.Clock.UtcNow;
        host.Clock.Advance(TimeSpan.FromHours(1));
        using var response = await PutLimitAsync(admin, Limit(80_000_000m, 70_000_000m));
        await Json.ReadAsync(response);

        var then = await Json.GetAsync(admin, $"/api/risk/exposures/{Goldman}?asOf={Uri.EscapeDataString(before.ToString("O"))}");
        var now = await Json.GetAsync(admin, $"/api/risk/exposures/{Goldman}");

        Assert.Equal(50_000_000m, then.GetProperty("hardLimit").GetDecimal());
        Assert.Equal(80_000_000m, now.GetProperty("hardLimit").GetDecimal());
    }

    [Fact]
    public async Task A_booking_refused_for_the_hard_limit_is_booked_once_an_admin_raises_the_limit()
    {
        await using var host = await ApiHost.StartAsync();
        using var trader = host.Client(ApiRole.Trader);
        using var admin = host.Client(ApiRole.Admin);
        await host.BookAsync(Trades.Apple(100_000m));
        await host.BookAsync(Trades.Apple(100_000m)); // 38.1m of Goldman's 50m hard limit used

        using var refused = await trader.PostAsJsonAsync("/api/trades", Trades.Apple(100_000m));
        var problem = await Json.ProblemAsync(refused, 422);
        Assert.Equal("CreditLimitExceeded", problem.GetProperty("reasons")[0].GetProperty("code").GetString());
        using var raised = await PutLimitAsync(admin, Limit(80_000_000m, 70_000_000m));
        await Json.ReadAsync(raised);

        using var booked = await trader.PostAsJsonAsync("/api/trades", Trades.Apple(100_000m));
        await Json.ReadAsync(booked, 201);
    }

    [Fact]
    public async Task The_change_is_journaled_on_the_limit_stream_with_the_admin_as_actor_and_the_trade_reads_still_work()
    {
        await using var host = await ApiHost.StartAsync();
        var tradeId = await host.BookAsync(Trades.Apple());
        using var admin = host.Client(ApiRole.Admin);

        using var response = await PutLimitAsync(admin, Limit(60_000_000m, 45_000_000m), key: "review-2025-03");
        await Json.ReadAsync(response);

        var recorded = host.Store.ReadStream($"limit-{Goldman}", Direction.Forwards, 0).Single();
        Assert.Equal("CreditLimitChanged", recorded.Type);
        Assert.Equal(ApiHost.ActorOf(ApiRole.Admin), recorded.Actor);
        Assert.Equal($"HTTP:PUT {LimitPath}", recorded.Source);
        var history = await Json.GetAsync(admin, $"/api/trades/{tradeId}/history");
        Assert.Equal("TradeBooked", Assert.Single(history.EnumerateArray()).GetProperty("type").GetString());
        await Json.GetAsync(admin, $"/api/trades/{tradeId}");
    }

    [Fact]
    public async Task The_trade_blotter_lists_the_trades_and_not_the_limit_change()
    {
        await using var host = await ApiHost.StartAsync();
        var tradeId = await host.BookAsync(Trades.Apple());
        using var admin = host.Client(ApiRole.Admin);
        using var response = await PutLimitAsync(admin, Limit(60_000_000m, 45_000_000m));
        await Json.ReadAsync(response);

        var blotter = await Json.GetAsync(admin, "/api/trades");

        var row = Assert.Single(blotter.EnumerateArray());
        Assert.Equal(tradeId, row.GetProperty("tradeId").GetString());
    }

    [Fact]
    public async Task A_repeated_idempotency_key_answers_the_original_change_and_writes_nothing()
    {
        await using var host = await ApiHost.StartAsync();
        using var admin = host.Client(ApiRole.Admin);
        using var first = await PutLimitAsync(admin, Limit(60_000_000m, 45_000_000m), key: "review-1");
        await Json.ReadAsync(first);
        var head = host.Store.HeadPosition;

        using var again = await PutLimitAsync(admin, Limit(60_000_000m, 45_000_000m), key: "review-1");

        Assert.True((await Json.ReadAsync(again)).GetProperty("duplicate").GetBoolean());
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(head, host.Store.HeadPosition);
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_every_bad_field()
    {
        await using var host = await ApiHost.StartAsync();
        using var admin = host.Client(ApiRole.Admin);

        using var response = await PutLimitAsync(admin, new { hard = 10m, soft = 20m, currency = "EURO", reason = " " },
            path: "/api/admin/counterparties/NOT-AN-LEI/limit");
        using var negative = await PutLimitAsync(admin, new { hard = -1m, currency = "USD", reason = "x" });

        var errors = (await Json.ProblemAsync(response, 400)).GetProperty("errors");
        Assert.Equal(["currency", "lei", "reason", "soft"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var negativeErrors = (await Json.ProblemAsync(negative, 400)).GetProperty("errors");
        Assert.Equal(["hard", "soft"], negativeErrors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(0, host.Store.HeadPosition.Value);
    }

    [Fact]
    public async Task A_change_in_another_currency_or_for_an_unknown_counterparty_is_a_422_with_the_reason_codes()
    {
        await using var host = await ApiHost.StartAsync();
        using var admin = host.Client(ApiRole.Admin);

        using var euro = await PutLimitAsync(admin, Limit(80_000_000m, 70_000_000m, "EUR"));
        using var unknown = await PutLimitAsync(admin, Limit(80_000_000m, 70_000_000m), path: "/api/admin/counterparties/HWUPKR0MPOU8FGXBT394/limit");

        var euroProblem = await Json.ProblemAsync(euro, 422);
        Assert.Equal("CreditLimitCurrencyMismatch", euroProblem.GetProperty("reasons")[0].GetProperty("code").GetString());
        Assert.Contains("USD", euroProblem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var unknownProblem = await Json.ProblemAsync(unknown, 422);
        Assert.Equal("UnknownCounterparty", unknownProblem.GetProperty("reasons")[0].GetProperty("code").GetString());
        Assert.Equal(2, host.Store.HeadPosition.Value); // both refusals are journaled
    }

    [Theory]
    [InlineData(ApiRole.Risk)]
    [InlineData(ApiRole.Trader)]
    [InlineData(ApiRole.BackOffice)]
    [InlineData(ApiRole.Auditor)]
    public async Task Only_the_admin_role_may_change_a_limit(string role)
    {
        await using var host = await ApiHost.StartAsync();
        using var client = host.Client(role);

        using var response = await PutLimitAsync(client, Limit(80_000_000m, 70_000_000m));

        await Json.ProblemAsync(response, 403);
        Assert.Equal(0, host.Store.HeadPosition.Value);
    }
}
