using MediatR;
using Microsoft.AspNetCore.Http;
using TradeFlow.Domain.Trades;
using TradeFlow.Engine;
using TradeFlow.Server.Http.Requests;
using TradeFlow.Server.Http.Views;

namespace TradeFlow.Server.Http.Endpoints;

/// <summary>
/// What every command endpoint shares: the source key from the <c>Idempotency-Key</c> header, the actor from the
/// API key, sending through the mediator, and turning the engine's outcome into a response.
/// </summary>
internal static class CommandContext
{
    /// <summary>The header clients set to make a command idempotent.</summary>
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>Set on the answer to a repeated key: the original outcome, nothing new written.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    private const int MaxKeyLength = 200;

    /// <summary>
    /// The command's source key: <c>HTTP:{Idempotency-Key}</c>; without the header, a fresh one (so a retry without a
    /// key is a new command, as HTTP's POST semantics say).
    /// </summary>
    public static string SourceKey(HttpContext context, FieldErrors errors)
    {
        var key = context.Request.Headers[IdempotencyHeader].ToString();
        if (string.IsNullOrEmpty(key))
        {
            return "HTTP:" + Guid.NewGuid().ToString("N");
        }

        if (key.Length > MaxKeyLength || key.Any(char.IsControl))
        {
            errors.Add(IdempotencyHeader, $"must be 1..{MaxKeyLength} printable characters");
        }

        return "HTTP:" + key;
    }

    public static async Task<IResult> SendAsync(HttpContext context, IMediator mediator, TradeCommand command, bool creates = false)
    {
        var actor = context.User.Identity?.Name ?? "unknown";
        var source = $"HTTP:{context.Request.Method} {context.Request.Path}";
        var outcome = await mediator.Send(new SubmitCommand(command, actor, source), context.RequestAborted).ConfigureAwait(false);
        if (outcome.IsDuplicate)
        {
            context.Response.Headers[ReplayedHeader] = "true";
        }

        return outcome.Status switch
        {
            CommandStatus.Accepted when creates => Results.Created($"/api/trades/{outcome.TradeId}", CommandResult.From(outcome)),
            CommandStatus.Accepted => Results.Ok(CommandResult.From(outcome)),
            CommandStatus.Rejected => Rejected(context, outcome),
            _ => Results.Problem(title: "Command not acknowledged", statusCode: StatusCodes.Status503ServiceUnavailable,
                detail: $"The engine failed before the command was durably decided ({outcome.Error}); resending with the same Idempotency-Key is safe.",
                instance: context.Request.Path),
        };
    }

    private static IResult Rejected(HttpContext context, CommandOutcome outcome) =>
        Results.Problem(
            title: "Command rejected",
            statusCode: StatusCodes.Status422UnprocessableEntity,
            detail: string.Join("; ", outcome.Reasons.Select(r => r.Message)),
            instance: context.Request.Path,
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["tradeId"] = outcome.TradeId.ToString(),
                ["duplicate"] = outcome.IsDuplicate,
                ["reasons"] = outcome.Reasons.Select(r => new { code = r.Code.ToString(), message = r.Message }).ToArray(),
            });
}
