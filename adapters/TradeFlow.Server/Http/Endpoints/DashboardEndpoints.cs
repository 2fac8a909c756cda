using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace TradeFlow.Server.Http.Endpoints;

/// <summary>
/// Serves the dashboard (index.html, dashboard.js, dashboard.css) from resources embedded in this assembly:
/// nothing is copied beside the executable and nothing is fetched from outside the machine.
/// </summary>
internal static class DashboardEndpoints
{
    private const string ResourcePrefix = "TradeFlow.Dashboard.";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
    };

    public static void Map(IEndpointRouteBuilder app)
    {
        var files = LoadAll();
        app.MapGet("/", () => Serve(files, "index.html")).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/dashboard/{file}", (string file) => Serve(files, file)).AllowAnonymous().ExcludeFromDescription();
    }

    private static IResult Serve(Dictionary<string, byte[]> files, string name) =>
        files.TryGetValue(name, out var bytes)
            ? Results.Bytes(bytes, ContentTypes[Path.GetExtension(name)])
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"The dashboard has no file '{name}'.");

    private static Dictionary<string, byte[]> LoadAll()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files[resource[ResourcePrefix.Length..]] = copy.ToArray();
        }

        return files;
    }
}
