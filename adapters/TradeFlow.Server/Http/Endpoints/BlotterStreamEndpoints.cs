using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using TradeFlow.Server.Http.Errors;
using TradeFlow.Server.Http.Security;
using TradeFlow.Server.Http.Views;

namespace TradeFlow.Server.Http.Endpoints;

/// <summary>
/// The live blotter: <c>GET /api/blotter/stream</c>, server-sent events, one <see cref="BlotterRow"/> JSON line per
/// committed event, a comment heartbeat when quiet, and a <c>resync</c> event when the client fell behind. Same
/// role as the blotter read (any).
/// </summary>
internal static class BlotterStreamEndpoints
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/blotter/stream", Stream)
            .WithTags("Trades").WithName("StreamBlotter").RequireAuthorization(ApiPolicy.AnyRole)
            .Produces<BlotterRow>(StatusCodes.Status200OK, "text/event-stream")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task Stream(HttpContext context, HttpApiServices services)
    {
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

        // The first bytes go out at once, so the client knows it is subscribed before any trade arrives.
        await response.WriteAsync("retry: 3000\n: subscribed\n\n", context.RequestAborted).ConfigureAwait(false);
        await response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        try
        {
            await client.PumpAsync(response.Body, feed.Heartbeat, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: its subscription is disposed on the way out.
        }
    }
}
