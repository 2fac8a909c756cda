using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Time;
using TradeFlow.Engine;
using TradeFlow.EventSourcing;
using TradeFlow.Projections.Queries;
using TradeFlow.Server.Http.Streaming;

namespace TradeFlow.Server.Http;

/// <summary>
/// The running parts the API serves from, supplied by the composition root (<c>tradeflow serve</c>). The API
/// owns none of them: it neither starts nor stops the engine, the store or the projection daemon.
/// </summary>
/// <param name="Engine">The running engine: commands go through <see cref="TradeEngine.SubmitAsync"/>.</param>
/// <param name="Store">The event store: trade histories, the blotter and as-of folds read it.</param>
/// <param name="Catalog">The live projections (kept current by a daemon or the publish stage), created with the store as history.</param>
/// <param name="ReferenceData">Reference data (counterparty names, validation of ids).</param>
/// <param name="Clock">The clock: default effective time of commands.</param>
public sealed record HttpApiServices(
    TradeEngine Engine,
    IEventStore Store,
    ProjectionCatalog Catalog,
    ReferenceDataSet ReferenceData,
    IClock Clock)
{
    /// <summary>
    /// Completes when the live projections have folded up to a position (e.g. <c>ProjectionDaemon.WaitForCheckpointAsync</c>);
    /// null when the catalog is fed synchronously and there is nothing to wait for.
    /// </summary>
    public Func<GlobalPosition, CancellationToken, Task>? WaitForProjections { get; init; }

    /// <summary>How many FIX sessions are logged on, for <c>/metrics</c>; null when there is no FIX acceptor.</summary>
    public Func<int>? SessionsLoggedOn { get; init; }

    /// <summary>Extra readiness (e.g. the FIX acceptor listening); null means the engine running is enough.</summary>
    public Func<bool>? IsReady { get; init; }

    /// <summary>
    /// The live blotter feed (subscribed to the engine) behind <c>GET /api/blotter/stream</c>; null when the host has
    /// none, and the stream then answers 503 (the dashboard falls back to polling).
    /// </summary>
    public BlotterFeed? BlotterFeed { get; init; }
}
