using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TradeFlow.Domain.Values;
using TradeFlow.Server.Http.Errors;
using TradeFlow.Server.Http.Requests;
using TradeFlow.Server.Http.Security;
using TradeFlow.Server.Http.Views;

namespace TradeFlow.Server.Http.Endpoints;

/// <summary>
/// The blotter, a trade's state and its audit trail: any role may read them. A trade's state and history take
/// <c>asOf</c> (recorded time) and <c>effectiveDate</c> (business time: the state folds only what is effective by the end of
/// that date, UTC; the history is never filtered but marks each event).
/// </summary>
internal static class TradeReadEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var trades = app.MapGroup("/api/trades").WithTags("Trades").RequireAuthorization(ApiPolicy.AnyRole)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized);
        trades.MapGet("/", Blotter).WithName("GetBlotter").Produces<IReadOnlyList<BlotterRow>>();
        trades.MapGet("/{tradeId}", Trade).WithName("GetTrade").Produces<TradeView>().ProducesProblem(StatusCodes.Status404NotFound);
        trades.MapGet("/{tradeId}/history", History).WithName("GetTradeHistory").Produces<IReadOnlyList<TradeHistoryEntry>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> Blotter(IMediator mediator, string? limit, string? asOf)
    {
        var errors = new FieldErrors();
        var count = errors.Int("limit", limit, 50, 1, 1000);
        var known = errors.Instant("asOf", asOf);
        errors.ThrowIfAny();
        return Results.Ok(await mediator.Send(new GetBlotter(count, known)).ConfigureAwait(false));
    }

    private static async Task<IResult> Trade(IMediator mediator, string tradeId, string? asOf, string? effectiveDate)
    {
        var errors = new FieldErrors();
        var id = errors.Trade("tradeId", tradeId, required: true);
        var known = errors.Instant("asOf", asOf);
        var effective = errors.Date("effectiveDate", effectiveDate);
        errors.ThrowIfAny();
        var trade = await mediator.Send(new GetTrade(id!.Value, known, effective)).ConfigureAwait(false);
        return trade is null ? throw NotFound(tradeId, known, effective) : Results.Ok(trade);
    }

    private static async Task<IResult> History(IMediator mediator, string tradeId, string? asOf, string? effectiveDate)
    {
        var errors = new FieldErrors();
        var id = errors.Trade("tradeId", tradeId, required: true);
        var known = errors.Instant("asOf", asOf);
        var effective = errors.Date("effectiveDate", effectiveDate);
        errors.ThrowIfAny();
        var history = await mediator.Send(new GetTradeHistory(id!.Value, known, effective)).ConfigureAwait(false);
        return history.Count == 0 ? throw NotFound(tradeId, known, null) : Results.Ok(history);
    }

    private static ResourceNotFoundException NotFound(string tradeId, DateTimeOffset? known, BusinessDate? effective) =>
        new((known, effective) switch
        {
            (null, null) => $"Trade {tradeId} does not exist.",
            (null, { } d) => $"Trade {tradeId} has nothing effective by the end of {d} (UTC).",
            ({ } k, null) => $"Trade {tradeId} was not known at {k:O}.",
            ({ } k, { } d) => $"Trade {tradeId} had nothing known at {k:O} and effective by the end of {d} (UTC).",
        });
}
