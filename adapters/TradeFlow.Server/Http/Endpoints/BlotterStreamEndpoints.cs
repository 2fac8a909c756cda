using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using TradeFlow.Server.Http.Errors;
using TradeFlow.Server.Http.Security;
using TradeFlow.Server.Http.Views;

namespace TradeFlow.Server.Http.Endpoints;

/// <summary>
/// The live blotter: <c>GET /api/blotter/stream</c>, server-sent events, one <see cref="BlotterRow"/> JSON line per
/// committed event, a comment heartbeat when quiet, and a <c>resync</c> event when the client fell behind. Same
/// role as the blotter read (any). A browser's <c>EventSource</c> cannot send headers, so besides the
/// <c>X-Api-Key</c> header this endpoint alone also takes the key as the <c>apiKey</c> query parameter.
/// </summary>
internal static class BlotterStreamEndpoints
{
    /// <summary>The query parameter an <c>EventSource</c> passes the key in.</summary>
    public const string KeyParameter = "apiKey";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/blotter/stream", Stream)
            .WithTags("Trades").WithName("StreamBlotter").AllowAnonymous()
            .Produces<BlotterRow>(StatusCodes.Status200OK, "text/event-stream")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task Stream(HttpContext context, HttpApiServices services, HttpApiOptions options, IHostApplicationLifetime lifetime)
    {
        if (!Authenticated(context, options))
        {
            await Problems.WriteAsync(context, StatusCodes.Status401Unauthorized, "API key required",
                $"Send a valid API key in the {ApiKeyAuthentication.Header} header or the {KeyParameter} query parameter.").ConfigureAwait(false);
            return;
        }

        if (services.BlotterFeed is not { } feed)
        {
            await Problems.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "No live blotter",
                "This server has no live blotter feed; read GET /api/trades instead.").ConfigureAwait(false);
            return;
        }

        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        using var client = feed.Subscribe();

        // A stream never ends on its own: it ends when the client goes away or the server begins to stop (a graceful
        // stop would otherwise wait for it until its timeout).
        using var end = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        try
        {
            // The first bytes go out at once, so the client knows it is subscribed before any trade arrives.
            await response.StartAsync(end.Token).ConfigureAwait(false);
            await response.Body.WriteAsync("retry: 3000\n: subscribed\n\n"u8.ToArray(), end.Token).ConfigureAwait(false);
            await response.Body.FlushAsync(end.Token).ConfigureAwait(false);
            await client.PumpAsync(response.Body, feed.Heartbeat, end.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The client went away or the server is stopping: the subscription is disposed on the way out.
        }
    }

    // Every configured key has at least one role, and any role may read the blotter.
    private static bool Authenticated(HttpContext context, HttpApiOptions options)
    {
        var presented = context.Request.Headers[ApiKeyAuthentication.Header].ToString();
        if (string.IsNullOrEmpty(presented))
        {
            presented = context.Request.Query[KeyParameter].ToString();
        }

        return !string.IsNullOrEmpty(presented) && options.ApiKeys.Any(k => ApiKeyHasher.Verify(presented, k.Hash));
    }
}
