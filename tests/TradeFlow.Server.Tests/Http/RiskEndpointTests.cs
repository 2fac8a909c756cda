using TradeFlow.Projections.Queries;
using TradeFlow.Server.Http.Security;
using TradeFlow.Server.Tests.Http.Support;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Server.Tests.Http;

public sealed class RiskEndpointTests
{
    [Fact]
    public async Task Counterparty_exposure_lists_what_the_exposure_projection_holds_with_names_and_utilisation()
    {
        await using var host = await ApiHost.StartAsync();
        await host.BookAsync(Trades.Apple());
        await host.BookAsync(Trades.EurUsdSpot());
        using var client = host.Client(ApiRole.Risk);

        var rows = await Json.GetAsync(client, "/api/risk/exposures");

        var expected = host.Catalog.ReadExposure(HistoryView.Live, x => x.CounterpartyExposures());
        Assert.Equal(expected.Count, rows.GetArrayLength());
        var goldman = rows.EnumerateArray().Single(r => r.GetProperty("counterparty").GetString() == DemoIds.GoldmanSachs.ToString());
        var projected = expected.Single(e => e.Counterparty == DemoIds.GoldmanSachs);
        Assert.Equal("Goldman Sachs Group, Inc.", goldman.GetProperty("name").GetString());
        Assert.Equal(projected.UtilisationPercent, goldman.GetProperty("utilisationPercent").GetDecimal());
        Assert.Equal(projected.Utilised, goldman.GetProperty("utilised").GetDecimal());
        Assert.Equal("None", goldman.GetProperty("breach").GetString());
        Assert.True(goldman.GetProperty("utilised").GetDecimal() > 0m);
    }

    [Fact]
    public async Task One_counterparty_shows_its_limit_and_headroom_even_with_nothing_outstanding()
    {
        await using var host = await ApiHost.StartAsync();
        using var client = host.Client(ApiRole.Risk);

        var barclays = await Json.GetAsync(client, $"/api/risk/exposures/{DemoIds.Barclays}");

        Assert.Equal(0m, barclays.GetProperty("utilised").GetDecimal());
        Assert.Equal(barclays.GetProperty("hardLimit").GetDecimal(), barclays.GetProperty("headroom").GetDecimal());
        Assert.True(barclays.GetProperty("hardLimit").GetDecimal() > 0m);
    }

    [Fact]
    public async Task An_unknown_counterparty_is_404_and_a_malformed_LEI_is_400_naming_the_field()
    {
        await using var host = await ApiHost.StartAsync();
        using var client = host.Client(ApiRole.Risk);

        using var unknown = await client.GetAsync(new Uri("/api/risk/exposures/529900T8BM49AURSDO55", UriKind.Relative));
        using var malformed = await client.GetAsync(new Uri("/api/risk/exposures/NOT-AN-LEI", UriKind.Relative));

        await Json.ProblemAsync(unknown, 404);
        var problem = await Json.ProblemAsync(malformed, 400);
        Assert.True(problem.GetProperty("errors").TryGetProperty("counterparty", out _));
    }

    [Fact]
    public async Task As_of_a_recorded_time_before_a_booking_the_exposure_does_not_include_it()
    {
        await using var host = await ApiHost.StartAsync();
        await host.BookAsync(Trades.Apple());
        var before = host.Clock.Advance(TimeSpan.FromMinutes(10));
        host.Clock.Advance(TimeSpan.FromMinutes(10));
        await host.BookAsync(Trades.EurUsdSpot());
        using var client = host.Client(ApiRole.Risk);

        var now = await Json.GetAsync(client, "/api/risk/exposures");
        var then = await Json.GetAsync(client, $"/api/risk/exposures?asOf={Uri.EscapeDataString(before.ToString("O"))}");

        Assert.Equal(2, now.GetArrayLength());
        Assert.Equal(DemoIds.GoldmanSachs.ToString(), Assert.Single(then.EnumerateArray()).GetProperty("counterparty").GetString());
    }

    [Fact]
    public async Task A_malformed_asOf_is_400_naming_asOf()
    {
        await using var host = await ApiHost.StartAsync();
        using var client = host.Client(ApiRole.Risk);

        using var response = await client.GetAsync(new Uri("/api/risk/positions?asOf=yesterday&effectiveDate=14/03/2025", UriKind.Relative));

        var errors = (await Json.ProblemAsync(response, 400)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("asOf", out _));
        Assert.True(errors.TryGetProperty("effectiveDate", out _));
    }

    [Fact]
    public async Task Positions_filter_by_book_and_instrument()
    {
        await using var host = await ApiHost.StartAsync();
        await host.BookAsync(Trades.Apple(1_000m));
        await host.BookAsync(Trades.Apple(500m));
        await host.BookAsync(Trades.EurUsdSpot());
        using var client = host.Client(ApiRole.Risk);

        var all = await Json.GetAsync(client, "/api/risk/positions");
        var apple = await Json.GetAsync(client, $"/api/risk/positions?book=EQ-NY&instrument={DemoIds.Apple}");

        Assert.Equal(2, all.GetArrayLength());
        var position = Assert.Single(apple.EnumerateArray());
        Assert.Equal(1_500m, position.GetProperty("quantity").GetDecimal());
        Assert.Equal("USD", position.GetProperty("currency").GetString());
    }

    [Fact]
    public async Task Currency_exposure_shows_both_legs_of_an_fx_trade()
    {
        await using var host = await ApiHost.StartAsync();
        await host.BookAsync(Trades.EurUsdSpot());
        using var client = host.Client(ApiRole.Risk);

        var rows = await Json.GetAsync(client, "/api/risk/currency-exposure?book=FX-LDN");

        var eur = rows.EnumerateArray().Single(r => r.GetProperty("currency").GetString() == "EUR");
        var usd = rows.EnumerateArray().Single(r => r.GetProperty("currency").GetString() == "USD");
        Assert.Equal(5_000_000m, eur.GetProperty("amount").GetDecimal());
        Assert.Equal(-5_425_000m, usd.GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task Pnl_sums_the_unrealised_pnl_of_a_books_positions_at_their_marks()
    {
        await using var host = await ApiHost.StartAsync();
        await host.BookAsync(Trades.Apple(1_000m));
        using var client = host.Client(ApiRole.Risk);

        var lines = await Json.GetAsync(client, "/api/risk/pnl?book=EQ-NY");

        var line = Assert.Single(lines.EnumerateArray());
        // Bought 1,000 at 190.50, marked at 191.20 in the demo set.
        Assert.Equal(700m, line.GetProperty("unrealised").GetDecimal());
        Assert.Equal(0m, line.GetProperty("realised").GetDecimal());
        Assert.Equal(700m, line.GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task Exposure_history_ends_at_the_current_utilisation_of_each_counterparty()
    {
        await using var host = await ApiHost.StartAsync();
        await host.BookAsync(Trades.Apple());
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.BookAsync(Trades.EurUsdSpot());
        using var client = host.Client(ApiRole.Risk);

        var history = await Json.GetAsync(client, "/api/risk/exposures/history?points=10");
        var now = await Json.GetAsync(client, "/api/risk/exposures");

        var samples = history.GetProperty("positions").GetArrayLength();
        Assert.Equal(samples, history.GetProperty("times").GetArrayLength());
        foreach (var current in now.EnumerateArray())
        {
            var series = history.GetProperty("series").EnumerateArray()
                .Single(s => s.GetProperty("counterparty").GetString() == current.GetProperty("counterparty").GetString());
            var values = series.GetProperty("utilisationPercent");
            Assert.Equal(samples, values.GetArrayLength());
            Assert.Equal(current.GetProperty("utilisationPercent").GetDecimal(), values[samples - 1].GetDecimal());
        }
    }

    [Fact]
    public async Task Exposure_history_refuses_a_point_count_out_of_range_naming_points()
    {
        await using var host = await ApiHost.StartAsync();
        using var client = host.Client(ApiRole.Risk);

        using var response = await client.GetAsync(new Uri("/api/risk/exposures/history?points=1", UriKind.Relative));

        Assert.True((await Json.ProblemAsync(response, 400)).GetProperty("errors").TryGetProperty("points", out _));
    }
}
