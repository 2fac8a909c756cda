using System.Net.Http.Json;
using TradeFlow.Server.Http.Security;
using TradeFlow.Server.Tests.Http.Support;

namespace TradeFlow.Server.Tests.Http;

public sealed class AuthorizationTests
{
    /// <summary>Every endpoint behind a key, with one role that may call it and one that may not (null: every role may).</summary>
    public static TheoryData<string, string, string, string?> Endpoints => new()
    {
        { "GET", "/api/risk/exposures", ApiRole.Risk, ApiRole.Trader },
        { "GET", "/api/risk/exposures/history", ApiRole.Auditor, ApiRole.BackOffice },
        { "GET", "/api/risk/exposures/784F5XWPLTWKTBV3E584", ApiRole.Admin, ApiRole.Trader },
        { "GET", "/api/risk/currency-exposure", ApiRole.Risk, ApiRole.BackOffice },
        { "GET", "/api/risk/positions", ApiRole.Risk, ApiRole.Trader },
        { "GET", "/api/risk/pnl", ApiRole.Risk, ApiRole.BackOffice },
        { "GET", "/api/trades/T000000000001/obligations", ApiRole.BackOffice, ApiRole.Risk },
        { "GET", "/api/trades/T000000000001/postings", ApiRole.Auditor, ApiRole.Trader },
        { "GET", "/api/settlement/netting-sets", ApiRole.BackOffice, ApiRole.Risk },
        { "GET", "/api/settlement/ladder", ApiRole.BackOffice, ApiRole.Trader },
        { "GET", "/api/settlement/fails", ApiRole.BackOffice, ApiRole.Risk },
        { "GET", "/api/settlement/exceptions", ApiRole.Admin, ApiRole.Trader },
        { "GET", "/api/ledger/balances", ApiRole.BackOffice, ApiRole.Risk },
        { "GET", "/api/ledger/trial-balance", ApiRole.Auditor, ApiRole.Trader },
        { "GET", "/api/trades", ApiRole.Trader, null },
        { "GET", "/metrics", ApiRole.Risk, null },
        { "POST", "/api/trades", ApiRole.Trader, ApiRole.Auditor },
        { "POST", "/api/trades/T000000000001/amend", ApiRole.Admin, ApiRole.Risk },
        { "POST", "/api/trades/T000000000001/cancel", ApiRole.Trader, ApiRole.BackOffice },
        { "POST", "/api/trades/T000000000001/settlement/instructed", ApiRole.BackOffice, ApiRole.Trader },
        { "PUT", "/api/admin/counterparties/784F5XWPLTWKTBV3E584/limit", ApiRole.Admin, ApiRole.Risk },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Without_a_key_every_endpoint_answers_401_problem_details(string method, string path, string allowed, string? refused)
    {
        _ = (allowed, refused);
        await using var host = await ApiHost.StartAsync();
        using var client = host.Client(null);

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        var problem = await Json.ProblemAsync(response, 401);
        Assert.Contains("X-Api-Key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_key_without_the_endpoints_role_answers_403_and_one_with_it_gets_past_authorization(string method, string path,
        string allowed, string? refused)
    {
        await using var host = await ApiHost.StartAsync();

        if (refused is not null)
        {
            using var wrong = host.Client(refused);
            using var forbidden = await wrong.SendAsync(Request(method, path));
            var problem = await Json.ProblemAsync(forbidden, 403);
            Assert.Contains(ApiHost.ActorOf(refused), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using var right = host.Client(allowed);
        using var response = await right.SendAsync(Request(method, path));
        Assert.NotEqual(401, (int)response.StatusCode);
        Assert.NotEqual(403, (int)response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_key_answers_401()
    {
        await using var host = await ApiHost.StartAsync();
        using var client = host.Client("not-a-configured-key");

        using var response = await client.GetAsync(new Uri("/api/risk/exposures", UriKind.Relative));

        await Json.ProblemAsync(response, 401);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/")]
    public async Task Health_the_OpenAPI_document_and_the_dashboard_page_need_no_key(string path)
    {
        await using var host = await ApiHost.StartAsync();
        using var client = host.Client(null);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(200, (int)response.StatusCode);
    }

    private static HttpRequestMessage Request(string method, string path) =>
        new(new HttpMethod(method), path) { Content = method is "POST" or "PUT" ? JsonContent.Create(new { reason = "test" }) : null };
}
