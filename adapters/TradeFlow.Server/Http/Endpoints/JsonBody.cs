using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TradeFlow.Server.Http.Errors;

namespace TradeFlow.Server.Http.Endpoints;

/// <summary>Reads a JSON body so that a malformed one is a 400 naming the field (System.Text.Json's path), not a bare 400.</summary>
internal static class JsonBody
{
    public static async Task<T> ReadAsync<T>(HttpRequest request, Func<T>? whenEmpty = null)
        where T : class
    {
        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        T? body;
        try
        {
            body = whenEmpty is not null && request.ContentLength is 0 or null && string.IsNullOrEmpty(request.ContentType)
                ? whenEmpty()
                : await JsonSerializer.DeserializeAsync<T>(request.Body, options, request.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException error)
        {
            var field = string.IsNullOrEmpty(error.Path) || error.Path == "$" ? "body" : error.Path.TrimStart('$', '.');
            throw new RequestValidationException(new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                [field] = [$"is not valid JSON for this field ({FirstSentence(error.Message)})"],
            });
        }

        if (body is null)
        {
            throw new RequestValidationException(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["body"] = ["a JSON object is required"] });
        }

        return body;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }
}
