using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using TradeFlow.Engine;
using TradeFlow.Projections.Queries;

namespace TradeFlow.Server.Http.Errors;

/// <summary>
/// Turns every exception that leaves an endpoint into Problem Details: validation → 400 naming the fields,
/// not found → 404, engine down → 503, anything else → 500 (logged, with no internals in the response).
/// </summary>
internal sealed partial class ProblemExceptionHandler : IExceptionHandler
{
    private readonly ILogger<ProblemExceptionHandler> _logger;

    public ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) => _logger = logger;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case RequestValidationException invalid:
                await Problems.WriteValidationAsync(httpContext, invalid.Errors.ToDictionary(), invalid.Message).ConfigureAwait(false);
                break;
            case QueryValidationException query:
                await Problems.WriteValidationAsync(httpContext, ByField(query), query.Message).ConfigureAwait(false);
                break;
            case ResourceNotFoundException missing:
                await Problems.WriteAsync(httpContext, StatusCodes.Status404NotFound, "Not found", missing.Message).ConfigureAwait(false);
                break;
            case EngineNotRunningException down:
                await Problems.WriteAsync(httpContext, StatusCodes.Status503ServiceUnavailable, "Engine not running", down.Message).ConfigureAwait(false);
                break;
            case BadHttpRequestException bad:
                await Problems.WriteAsync(httpContext, bad.StatusCode, "Bad request", bad.Message).ConfigureAwait(false);
                break;
            default:
                LogUnhandled(_logger, httpContext.Request.Method, httpContext.Request.Path, exception);
                await Problems.WriteAsync(httpContext, StatusCodes.Status500InternalServerError, "Internal error",
                    $"The request failed inside the server (trace {httpContext.TraceIdentifier}); the error is in the server log.").ConfigureAwait(false);
                break;
        }

        return true;
    }

    /// <summary>The projection validator writes "Field: problem"; the field becomes the key (camelCase, as the query string names it).</summary>
    private static Dictionary<string, string[]> ByField(QueryValidationException query) =>
        query.Errors
            .Select(e => e.Split(':', 2, StringSplitOptions.TrimEntries))
            .GroupBy(p => p.Length == 2 ? FieldName(p[0]) : string.Empty, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p[^1]).ToArray(), StringComparer.Ordinal);

    private static string FieldName(string field) => field switch
    {
        "View.KnownAt" => "asOf",
        "View.EffectiveOn" => "effectiveDate",
        "View" => "asOf",
        "BusinessDays" => "days",
        "AsOfDate" => "date",
        _ => char.ToLowerInvariant(field[0]) + field[1..],
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, string method, string path, Exception error);
}
