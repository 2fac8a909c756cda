using System.Net.Http.Json;
using TradeFlow.Server.Http.Security;
using TradeFlow.Server.Tests.Http.Support;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Server.Tests.Http;

public sealed class TradeEffectiveDateTests
{
    // Booked with effect on Monday 10 March; on Wednesday the desk amends the quantity with effect from Tuesday 11 March.
    private static async Task<string> BookMondayAmendTuesdayAsync(ApiHost host)
    {
        var tradeId = await host.BookAsync(Body(1_000m, "2025-03-10T10:00:00Z"));
        using var trader = host.Client(ApiRole.Trader);
        using var amended = await trader.PostAsJsonAsync($"/api/trades/{tradeId}/amend", Body(1_500m, "2025-03-11T09:00:00Z"));
        Assert.True(amended.IsSuccessStatusCode, await amended.Content.ReadAsStringAsync());
        return tradeId;
    }

    private static object Body(decimal quantity, string effectiveTime) => new
    {
        instrument = DemoIds.Apple.ToString(),
        side = "Buy",
        quantity,
        price = 190.50m,
        counterparty = DemoIds.GoldmanSachs.ToString(),
        book = DemoIds.EquitiesNy.ToString(),
        trader = DemoIds.EquityTrader.ToString(),
        tradeDate = "2025-03-10",
        effectiveTime,
    };

    private static decimal QuantityOf(System.Text.Json.JsonElement trade) =>
        decimal.Parse(trade.GetProperty("economics").GetProperty("quantity").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_back_dated_amendment_shows_in_the_trade_on_its_effective_date_and_after_but_not_before()
    {
        await using var host = await ApiHost.StartAsync();
        var tradeId = await BookMondayAmendTuesdayAsync(host);
        using var client = host.Client(ApiRole.BackOffice);

        var monday = await Json.GetAsync(client, $"/api/trades/{tradeId}?effectiveDate=2025-03-10");
        var tuesday = await Json.GetAsync(client, $"/api/trades/{tradeId}?effectiveDate=2025-03-11");
        var now = await Json.GetAsync(client, $"/api/trades/{tradeId}");

        Assert.Equal((1_000m, 1), (QuantityOf(monday), monday.GetProperty("events").GetInt32()));
        Assert.Equal((1_500m, 2), (QuantityOf(tuesday), tuesday.GetProperty("events").GetInt32()));
        Assert.Equal(1_500m, QuantityOf(now));
    }

    [Fact]
    public async Task A_trade_has_no_state_on_a_date_before_its_booking_is_effective()
    {
        await using var host = await ApiHost.StartAsync();
        var tradeId = await BookMondayAmendTuesdayAsync(host);
        using var client = host.Client(ApiRole.Auditor);

        using var response = await client.GetAsync(new Uri($"/api/trades/{tradeId}?effectiveDate=2025-03-09", UriKind.Relative));

        var problem = await Json.ProblemAsync(response, 404);
        Assert.Contains("effective by the end of 2025-03-09", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_history_is_never_filtered_by_effective_date_but_marks_what_is_effective_by_it()
    {
        await using var host = await ApiHost.StartAsync();
        var tradeId = await BookMondayAmendTuesdayAsync(host);
        using var client = host.Client(ApiRole.Auditor);

        var marked = await Json.GetAsync(client, $"/api/trades/{tradeId}/history?effectiveDate=2025-03-10");
        var plain = await Json.GetAsync(client, $"/api/trades/{tradeId}/history");

        Assert.Equal([true, false], marked.EnumerateArray().Select(e => e.GetProperty("effectiveOnDate").GetBoolean()));
        Assert.All(plain.EnumerateArray(), e => Assert.False(e.TryGetProperty("effectiveOnDate", out _)));
        Assert.Equal(2, plain.GetArrayLength());
    }

    [Fact]
    public async Task A_malformed_effective_date_is_a_400_naming_the_field()
    {
        await using var host = await ApiHost.StartAsync();
        using var client = host.Client(ApiRole.Trader);

        using var state = await client.GetAsync(new Uri("/api/trades/T000000000001?effectiveDate=10-03-2025", UriKind.Relative));
        using var history = await client.GetAsync(new Uri("/api/trades/T000000000001/history?effectiveDate=yesterday", UriKind.Relative));

        Assert.True((await Json.ProblemAsync(state, 400)).GetProperty("errors").TryGetProperty("effectiveDate", out _));
        Assert.True((await Json.ProblemAsync(history, 400)).GetProperty("errors").TryGetProperty("effectiveDate", out _));
    }
}
