using System.Text.Json.Serialization;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TradeFlow.Projections.Runtime;
using TradeFlow.Server.Http.Endpoints;
using TradeFlow.Server.Http.Errors;
using TradeFlow.Server.Http.Requests;
using TradeFlow.Server.Http.Security;

namespace TradeFlow.Server.Http;

/// <summary>
/// The HTTP API and dashboard as one ASP.NET Core application over parts the host already runs (engine, store,
/// live projections). The composition root builds it, starts it alongside the engine, and stops it first on shutdown.
/// </summary>
/// <example>
/// <code>
/// var options = HttpApiOptions.FromConfiguration(configuration);
/// var services = new HttpApiServices(engine, journal, catalog, referenceData, SystemClock.Instance)
/// {
///     WaitForProjections = daemon.WaitForCheckpointAsync,
/// };
/// await using var app = HttpApi.Build(options, services, ["http://127.0.0.1:8080"]);
/// await app.StartAsync(ct);     // ... and app.StopAsync() before the engine stops
/// </code>
/// </example>
public static class HttpApi
{
    /// <summary>
    /// Builds the application. <paramref name="urls"/> default to <see cref="HttpApiOptions.DefaultUrl"/> (loopback);
    /// <paramref name="configure"/> may adjust the builder first (logging, or a test server).
    /// </summary>
    /// <exception cref="InvalidOperationException">The options hold a bad API key entry.</exception>
    public static WebApplication Build(HttpApiOptions options, HttpApiServices services, IReadOnlyList<string>? urls = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(services);
        options.Validate();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(HttpApi).Assembly.GetName().Name });
        builder.WebHost.UseUrls([.. urls is { Count: > 0 } ? urls : [HttpApiOptions.DefaultUrl]]);
        AddServices(builder.Services, options, services);
        configure?.Invoke(builder);
        var app = builder.Build();
        Map(app);
        return app;
    }

    private static void AddServices(IServiceCollection di, HttpApiOptions options, HttpApiServices services)
    {
        di.AddSingleton(options);
        di.AddSingleton(services);
        di.AddSingleton(services.Engine);
        di.AddSingleton(services.ReferenceData);
        di.AddSingleton(services.Clock);
        di.AddSingleton<ApiCounters>();
        di.AddSingleton<IMediator>(sp => HttpMediator.Create(services, options, sp.GetRequiredService<ApiCounters>(), sp.GetRequiredService<ILoggerFactory>()));
        di.ConfigureHttpJsonOptions(json =>
        {
            // The projections' converters: ids, money and dates as strings, enums by name, camelCase.
            json.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase;
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
            foreach (var converter in ProjectionJson.Options.Converters)
            {
                json.SerializerOptions.Converters.Add(converter);
            }
        });
        di.AddProblemDetails();
        di.AddExceptionHandler<ProblemExceptionHandler>();
        di.AddAuthentication(ApiKeyAuthentication.SchemeName).AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        di.AddAuthorization(ApiPolicy.AddTo);
        di.AddOpenApi("v1", openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "TradeFlow HTTP API";
            document.Info.Description = "Risk, back office and trader endpoints of TradeFlow. Send the API key in the X-Api-Key header.";
            return Task.CompletedTask;
        }));
    }

    private static void Map(WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        OperationsEndpoints.Map(app);
        RiskEndpoints.Map(app);
        BackOfficeEndpoints.Map(app);
        TradeReadEndpoints.Map(app);
        BlotterStreamEndpoints.Map(app);
        TradeCommandEndpoints.Map(app);
        SettlementCommandEndpoints.Map(app);
        AdminEndpoints.Map(app);
        DashboardEndpoints.Map(app);
    }
}
