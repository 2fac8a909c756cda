using MediatR;
using Microsoft.Extensions.Logging;
using TradeFlow.Projections.Queries;
using TradeFlow.Server.Http.Requests;

namespace TradeFlow.Server.Http;

/// <summary>
/// The API's mediator (MediatR 5.1.0 through its <see cref="ServiceFactory"/>): the projections' query handlers
/// and validation behaviour, plus the API's own handlers. Every endpoint sends one request through it.
/// </summary>
internal static class HttpMediator
{
    public static IMediator Create(HttpApiServices services, HttpApiOptions options, ApiCounters counters, ILoggerFactory loggers)
    {
        var projectionHandlers = new ProjectionQueryHandlers(services.Catalog);
        var validator = new ProjectionQueryValidator(services.Catalog);
        object[] own =
        [
            new TradeReadHandlers(services.Store),
            new RiskHandlers(services.Catalog, services.Store, services.ReferenceData),
            new CommandHandler(services, options, counters, loggers.CreateLogger<CommandHandler>()),
            new OperationsHandlers(services, counters),
        ];
        return new Mediator(type => own.FirstOrDefault(type.IsInstanceOfType) ?? ProjectionQueries.Resolve(type, projectionHandlers, validator));
    }
}
