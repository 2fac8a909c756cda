using Microsoft.AspNetCore.Http;

namespace TradeFlow.Server.Http.Errors;

/// <summary>Writes RFC 9457 Problem Details (<c>application/problem+json</c>) outside an endpoint's result.</summary>
internal static class Problems
{
    public static Task WriteAsync(HttpContext context, int status, string title, string detail) =>
        Results.Problem(detail: detail, statusCode: status, title: title, instance: context.Request.Path).ExecuteAsync(context);

    public static Task WriteValidationAsync(HttpContext context, IDictionary<string, string[]> errors, string detail) =>
        Results.ValidationProblem(errors, detail: detail, title: "The request is invalid", instance: context.Request.Path).ExecuteAsync(context);
}
