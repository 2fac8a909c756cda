using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TradeFlow.Server.Http.Requests;
using TradeFlow.Server.Http.Security;
using TradeFlow.Server.Http.Views;

namespace TradeFlow.Server.Http.Endpoints;

/// <summary>Health (anonymous, for load balancers and orchestrators) and metrics (any key).</summary>
internal static class OperationsEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var ops = app.MapGroup(string.Empty).WithTags("Operations");
        ops.MapGet("/health/live", () => Results.Ok(new { status = "live" })).WithName("Live").AllowAnonymous();
        ops.MapGet("/health/ready", Ready).WithName("Ready").AllowAnonymous()
            .Produces<ReadinessView>().Produces<ReadinessView>(StatusCodes.Status503ServiceUnavailable);
        ops.MapGet("/metrics", async (IMediator mediator) => Results.Ok(await mediator.Send(new GetMetrics()).ConfigureAwait(false)))
            .WithName("Metrics").RequireAuthorization(ApiPolicy.AnyRole).Produces<MetricsView>();
    }

    private static async Task<IResult> Ready(IMediator mediator)
    {
        var view = await mediator.Send(new GetReadiness()).ConfigureAwait(false);
        return view.Ready ? Results.Ok(view) : Results.Json(view, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
