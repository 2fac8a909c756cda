using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TradeFlow.Domain.Time;
using TradeFlow.Domain.Trades;
using TradeFlow.Server.Http.Errors;
using TradeFlow.Server.Http.Security;
using TradeFlow.Server.Http.Views;

namespace TradeFlow.Server.Http.Endpoints;

/// <summary>Back office: settlement status updates (instructed, matched, settled, failed) as commands through the engine.</summary>
internal static class SettlementCommandEndpoints
{
    /// <summary>The statuses a client may post, as the path names them.</summary>
    public static IReadOnlyList<string> Statuses { get; } = ["instructed", "matched", "settled", "failed"];

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/trades/{tradeId}/settlement/{status}", Update)
            .WithTags("Back office").WithName("UpdateSettlementStatus").RequireAuthorization(ApiPolicy.SettlementWrite)
            .Accepts<SettlementStatusBody>("application/json")
            .Produces<CommandResult>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> Update(HttpContext context, IMediator mediator, IClock clock, string tradeId, string status)
    {
        if (!Statuses.Contains(status))
        {
            throw new ResourceNotFoundException($"There is no settlement status '{status}'; post one of {string.Join(", ", Statuses)}.");
        }

        var body = await JsonBody.ReadAsync(context.Request, () => new SettlementStatusBody()).ConfigureAwait(false);
        var errors = new FieldErrors();
        var id = errors.Trade("tradeId", tradeId, required: true);
        var key = CommandContext.SourceKey(context, errors);
        var at = errors.Instant("effectiveTime", body.EffectiveTime) ?? clock.UtcNow;
        TradeCommand? command = status switch
        {
            "instructed" => id is { } i ? new InstructSettlement(i, key, at) : null,
            "matched" => errors.Text("matchReference", body.MatchReference, 100) is { } reference && id is { } m ? new MatchSettlement(m, key, at, reference) : null,
            "settled" => errors.Date("settledOn", body.SettledOn, required: true) is { } on && id is { } s ? new SettleTrade(s, key, at, on) : null,
            _ => errors.Text("reason", body.Reason, 500) is { } reason && id is { } f ? new FailSettlement(f, key, at, reason) : null,
        };
        errors.ThrowIfAny();
        return await CommandContext.SendAsync(context, mediator, command!).ConfigureAwait(false);
    }
}
