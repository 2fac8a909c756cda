using System.Net.Http.Json;
using TradeFlow.Server.Http.Security;
using TradeFlow.Server.Tests.Http.Support;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Server.Tests.Http;

public sealed class TraderEndpointTests
{
    [Fact]
    public async Task Booking_answers_201_with_the_new_trade_and_its_location()
    {
        await using var host = await ApiHost.StartAsync();
        using var client = host.Client(ApiRole.Trader);

        using var response = await client.PostAsJsonAsync("/api/trades", Trades.Apple());

        var result = await Json.ReadAsync(response, 201);
        var tradeId = result.GetProperty("tradeId").GetString();
        Assert.Equal("Accepted", result.GetProperty("status").GetString());
        Assert.False(result.GetProperty("duplicate").GetBoolean());
        Assert.Equal($"/api/trades/{tradeId}", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task A_repeated_idempotency_key_gets_the_original_outcome_and_books_nothing()
    {
        await using var host = await ApiHost.StartAsync();
        var first = await host.BookAsync(Trades.Apple(), "order-42");
        var head = host.Store.HeadPosition;
        using var client = host.Client(ApiRole.Trader);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/trades") { Content = JsonContent.Create(Trades.Apple(999m)) };
        request.Headers.Add("Idempotency-Key", "order-42");

        using var response = await client.SendAsync(request);

        var result = await Json.ReadAsync(response, 201);
        Assert.Equal(first, result.GetProperty("tradeId").GetString());
        Assert.True(result.GetProperty("duplicate").GetBoolean());
        Assert.Equal("true", response.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(head, host.Store.HeadPosition);
    }

    [Fact]
    public async Task The_idempotency_key_becomes_the_source_key_and_the_api_key_the_actor_in_the_audit_trail()
    {
        await using var host = await ApiHost.StartAsync();
        var tradeId = await host.BookAsync(Trades.Apple(), "ticket-7");
        using var client = host.Client(ApiRole.Auditor);

        var history = await Json.GetAsync(client, $"/api/trades/{tradeId}/history");

        var booked = Assert.Single(history.EnumerateArray());
        Assert.Equal("TradeBooked", booked.GetProperty("type").GetString());
        Assert.Equal(ApiHost.ActorOf(ApiRole.Trader), booked.GetProperty("actor").GetString());
        Assert.Equal("HTTP:POST /api/trades", booked.GetProperty("source").GetString());
        Assert.Equal(tradeId, booked.GetProperty("payload").GetProperty("tradeId").GetString());
        var recorded = host.Store.ReadStream($"trade-{tradeId}", EventSourcing.Direction.Forwards, 0).Single();
        Assert.Equal(recorded.EventId, booked.GetProperty("eventId").GetGuid());
    }

    [Fact]
    public async Task A_refused_booking_is_422_problem_details_with_every_reason()
    {
        await using var host = await ApiHost.StartAsync();
        using var client = host.Client(ApiRole.Trader);

        using var response = await client.PostAsJsonAsync("/api/trades", Trades.Restricted());

        var problem = await Json.ProblemAsync(response, 422);
        var codes = problem.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToList();
        Assert.Contains("RestrictedInstrument", codes);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("tradeId").GetString()));
    }

    [Fact]
    public async Task A_booking_with_bad_fields_is_400_naming_every_one()
    {
        await using var host = await ApiHost.StartAsync();
        using var client = host.Client(ApiRole.Trader);

        using var response = await client.PostAsJsonAsync("/api/trades", new
        {
            instrument = "US0378331005",
            side = "Sideways",
            quantity = -5m,
            counterparty = "NOT-AN-LEI",
            book = "EQ-NY",
            trader = "JSMITH",
        });

        var errors = (await Json.ProblemAsync(response, 400)).GetProperty("errors");
        foreach (var field in new[] { "side", "quantity", "price", "counterparty", "tradeDate" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }

        Assert.False(errors.TryGetProperty("instrument", out _));
    }

    [Fact]
    public async Task A_body_with_a_value_of_the_wrong_type_is_400_naming_the_field()
    {
        await using var host = await ApiHost.StartAsync();
        using var client = host.Client(ApiRole.Trader);

        using var response = await client.PostAsync(new Uri("/api/trades", UriKind.Relative),
            new StringContent("""{"instrument":"US0378331005","quantity":"lots"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.True((await Json.ProblemAsync(response, 400)).GetProperty("errors").TryGetProperty("quantity", out _));
    }

    [Fact]
    public async Task Amending_changes_the_trades_economics_and_cancelling_closes_it()
    {
        await using var host = await ApiHost.StartAsync();
        var tradeId = await host.BookAsync(Trades.Apple(1_000m));
        using var trader = host.Client(ApiRole.Trader);
        using var reader = host.Client(ApiRole.Risk);

        using var amend = await trader.PostAsJsonAsync($"/api/trades/{tradeId}/amend", Trades.Apple(1_200m));
        await Json.ReadAsync(amend);
        var amended = await Json.GetAsync(reader, $"/api/trades/{tradeId}");
        using var cancel = await trader.PostAsJsonAsync($"/api/trades/{tradeId}/cancel", new { reason = "booked in error" });
        await Json.ReadAsync(cancel);
        var cancelled = await Json.GetAsync(reader, $"/api/trades/{tradeId}");

        Assert.Equal("1200", amended.GetProperty("economics").GetProperty("quantity").GetString());
        Assert.Equal("Booked", amended.GetProperty("status").GetString());
        Assert.Equal("Cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal(3, cancelled.GetProperty("events").GetInt32());
    }

    [Fact]
    public async Task Cancelling_without_a_reason_is_400_naming_reason_and_an_unknown_trade_is_refused_by_the_engine()
    {
        await using var host = await ApiHost.StartAsync();
        using var trader = host.Client(ApiRole.Trader);

        using var noReason = await trader.PostAsJsonAsync("/api/trades/T000000000001/cancel", new { });
        using var unknown = await trader.PostAsJsonAsync("/api/trades/T000000000999/cancel", new { reason = "x" });

        Assert.True((await Json.ProblemAsync(noReason, 400)).GetProperty("errors").TryGetProperty("reason", out _));
        var problem = await Json.ProblemAsync(unknown, 422);
        Assert.Equal("TradeNotFound", problem.GetProperty("reasons")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_blotter_lists_trade_events_newest_first_with_their_economics()
    {
        await using var host = await ApiHost.StartAsync();
        var apple = await host.BookAsync(Trades.Apple());
        var fx = await host.BookAsync(Trades.EurUsdSpot());
        using var client = host.Client(ApiRole.Trader);

        var rows = await Json.GetAsync(client, "/api/trades?limit=10");

        Assert.Equal([fx, apple], rows.EnumerateArray().Select(r => r.GetProperty("tradeId").GetString()));
        Assert.Equal(DemoIds.EurUsd.ToString(), rows[0].GetProperty("instrument").GetString());
        Assert.Equal("TradeBooked", rows[0].GetProperty("event").GetString());
    }

    [Fact]
    public async Task A_trade_as_of_before_it_was_booked_is_404_and_an_unknown_trade_is_404()
    {
        await using var host = await ApiHost.StartAsync();
        var before = host.Clock.UtcNow;
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        var tradeId = await host.BookAsync(Trades.Apple());
        using var client = host.Client(ApiRole.Auditor);

        using var earlier = await client.GetAsync(new Uri($"/api/trades/{tradeId}?asOf={Uri.EscapeDataString(before.ToString("O"))}", UriKind.Relative));
        using var unknown = await client.GetAsync(new Uri("/api/trades/T000000000777/history", UriKind.Relative));
        using var malformed = await client.GetAsync(new Uri("/api/trades/42", UriKind.Relative));

        await Json.ProblemAsync(earlier, 404);
        await Json.ProblemAsync(unknown, 404);
        Assert.True((await Json.ProblemAsync(malformed, 400)).GetProperty("errors").TryGetProperty("tradeId", out _));
    }
}
