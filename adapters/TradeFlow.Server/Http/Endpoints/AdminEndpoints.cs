using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TradeFlow.Domain.Limits;
using TradeFlow.Domain.Time;
using TradeFlow.Domain.Values;
using TradeFlow.Engine;
using TradeFlow.Server.Http.Requests;
using TradeFlow.Server.Http.Security;
using TradeFlow.Server.Http.Views;

namespace TradeFlow.Server.Http.Endpoints;

/// <summary>
/// Admin: credit limit changes, as <see cref="ChangeCreditLimit"/> commands through the engine (journaled as
/// <c>CreditLimitChanged</c> with the actor, honouring <c>Idempotency-Key</c>). Admin role only.
/// </summary>
internal static class AdminEndpoints
{
    private const int MaxReasonLength = 500;

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPut("/api/admin/counterparties/{lei}/limit", ChangeLimit)
            .WithTags("Admin").WithName("ChangeCreditLimit").RequireAuthorization(ApiPolicy.Admin)
            .Accepts<ChangeCreditLimitBody>("application/json")
            .Produces<CreditLimitResult>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<IResult> ChangeLimit(HttpContext context, IMediator mediator, IClock clock, string lei)
    {
        var body = await JsonBody.ReadAsync<ChangeCreditLimitBody>(context.Request).ConfigureAwait(false);
        var errors = new FieldErrors();
        var counterparty = errors.Counterparty("lei", lei, required: true);
        var sourceKey = CommandContext.SourceKey(context, errors);
        var hard = errors.Positive("hard", body.Hard);
        var soft = errors.Positive("soft", body.Soft);
        if (hard is not null && soft is not null && soft > hard)
        {
            errors.Add("soft", $"must not be above the hard limit {hard} (it is {soft})");
        }

        var currency = errors.Currency("currency", body.Currency, required: true);
        var reason = errors.Text("reason", body.Reason, MaxReasonLength);
        var effective = errors.Instant("effectiveTime", body.EffectiveTime) ?? clock.UtcNow;
        errors.ThrowIfAny();
        var command = new ChangeCreditLimit(counterparty!.Value, new Money(hard!.Value, currency!.Value), new Money(soft!.Value, currency.Value),
            reason!, sourceKey, effective);
        var actor = context.User.Identity?.Name ?? "unknown";
        var source = $"HTTP:{context.Request.Method} {context.Request.Path}";
        var outcome = await mediator.Send(new SubmitCommand(command, actor, source), context.RequestAborted).ConfigureAwait(false);
        if (outcome.IsDuplicate)
        {
            context.Response.Headers[CommandContext.ReplayedHeader] = "true";
        }

        return outcome.Status switch
        {
            CommandStatus.Accepted => Results.Ok(new CreditLimitResult(command.Counterparty, hard.Value, soft.Value, currency.Value,
                outcome.Position.Value, outcome.IsDuplicate)),
            CommandStatus.Rejected => Results.Problem(title: "Credit limit change rejected", statusCode: StatusCodes.Status422UnprocessableEntity,
                detail: string.Join("; ", outcome.Reasons.Select(r => r.Message)), instance: context.Request.Path,
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["duplicate"] = outcome.IsDuplicate,
                    ["reasons"] = outcome.Reasons.Select(r => new { code = r.Code.ToString(), message = r.Message }).ToArray(),
                }),
            _ => Results.Problem(title: "Command not acknowledged", statusCode: StatusCodes.Status503ServiceUnavailable,
                detail: $"The engine failed before the change was durably decided ({outcome.Error}); resending with the same Idempotency-Key is safe.",
                instance: context.Request.Path),
        };
    }
}
