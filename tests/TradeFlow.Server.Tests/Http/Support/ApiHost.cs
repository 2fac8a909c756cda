using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Engine;
using TradeFlow.EventSourcing.InMemory;
using TradeFlow.Projections.Queries;
using TradeFlow.Projections.Runtime;
using TradeFlow.Projections.Storage;
using TradeFlow.Server.Http;
using TradeFlow.Server.Http.Security;
using TradeFlow.Server.Http.Streaming;
using TradeFlow.Testing.Builders;
using TradeFlow.Testing.Time;

namespace TradeFlow.Server.Tests.Http.Support;

/// <summary>
/// The API over a running engine on an in-memory store with the demo reference data and a fake clock, its
/// projections kept current by a daemon; in-process (TestServer) or on a real loopback socket (Kestrel).
/// One key per role: <see cref="Keys"/>.
/// </summary>
internal sealed class ApiHost : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>The plain key of each role (the host is configured with their salted hashes only).</summary>
    public static readonly IReadOnlyDictionary<string, string> Keys = ApiRole.All.ToDictionary(r => r, r => $"test-{r}-key-7f3a9c", StringComparer.Ordinal);

    /// <summary>The actor name each role's key carries.</summary>
    public static string ActorOf(string role) => $"{role}-user";

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _daemonRun;

    private ApiHost(ReferenceDataSet referenceData, bool kestrel, bool withBlotterFeed)
    {
        ReferenceData = referenceData;
        Engine = new TradeEngine(new EngineOptions(Store, referenceData, Clock) { RingSize = 256, Subscribers = [Blotter] });
        Engine.Start();
        Catalog = new ProjectionCatalog(referenceData, Store, new InMemoryProjectionStore());
        Daemon = ProjectionDaemon.For(Catalog, Store);
        _daemonRun = Daemon.RunAsync(_stop.Token);
        var services = new HttpApiServices(Engine, Store, Catalog, referenceData, Clock)
        {
            WaitForProjections = Daemon.WaitForCheckpointAsync,
            SessionsLoggedOn = () => 2,
            BlotterFeed = withBlotterFeed ? Blotter : null,
        };
        var options = new HttpApiOptions
        {
            ApiKeys = [.. ApiRole.All.Select(r => new ApiKey(ActorOf(r), [r], ApiKeyHasher.Hash(Keys[r])))],
        };
        App = HttpApi.Build(options, services, kestrel ? ["http://127.0.0.1:0"] : null, builder =>
        {
            builder.Logging.ClearProviders();
            if (!kestrel)
            {
                builder.WebHost.UseTestServer();
            }
        });
    }

    public FakeClock Clock { get; } = new();

    public InMemoryEventStore Store { get; } = new();

    /// <summary>The live blotter feed behind <c>GET /api/blotter/stream</c>, subscribed to the engine.</summary>
    public BlotterFeed Blotter { get; } = new();

    public ReferenceDataSet ReferenceData { get; }

    public TradeEngine Engine { get; }

    public ProjectionCatalog Catalog { get; }

    public ProjectionDaemon Daemon { get; }

    public WebApplication App { get; }

    /// <summary>The base address when running on Kestrel.</summary>
    public Uri BaseAddress => new(App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public static async Task<ApiHost> StartAsync(bool kestrel = false, ReferenceDataSet? referenceData = null, bool withBlotterFeed = true)
    {
        var host = new ApiHost(referenceData ?? new ReferenceDataBuilder().Build(), kestrel, withBlotterFeed);
        await host.App.StartAsync().WaitAsync(Timeout);
        return host;
    }

    /// <summary>A client sending <paramref name="role"/>'s key, or no key when null.</summary>
    public HttpClient Client(string? role)
    {
        var client = App.Services.GetService<IServer>() is TestServer server ? server.CreateClient() : new HttpClient { BaseAddress = BaseAddress };
        client.Timeout = Timeout;
        if (role is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", Keys.TryGetValue(role, out var key) ? key : role);
        }

        return client;
    }

    /// <summary>Books a trade over HTTP as the trader and returns its id.</summary>
    public async Task<string> BookAsync(object body, string? idempotencyKey = null)
    {
        using var client = Client(ApiRole.Trader);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/trades") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"booking answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("tradeId").GetString()!;
    }

    /// <summary>Posts a settlement status update as the back office and checks it was accepted.</summary>
    public async Task SettlementAsync(string tradeId, string status, object? body = null)
    {
        using var client = Client(ApiRole.BackOffice);
        using var response = await client.PostAsJsonAsync($"/api/trades/{tradeId}/settlement/{status}", body ?? new { });
        Assert.True(response.IsSuccessStatusCode, $"{status} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Waits until the projections have folded everything in the store.</summary>
    public Task CaughtUpAsync() => Daemon.WaitForCheckpointAsync(Store.HeadPosition).WaitAsync(Timeout);

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync().WaitAsync(Timeout);
        await App.DisposeAsync();
        Engine.Stop(Timeout);
        Blotter.Dispose();
        await _stop.CancelAsync();
        await _daemonRun.WaitAsync(Timeout);
        _stop.Dispose();
        await Store.DisposeAsync();
    }
}
