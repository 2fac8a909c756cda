using TradeFlow.Engine;
using TradeFlow.Projections.Queries;
using TradeFlow.Projections.Runtime;

namespace TradeFlow.Replay.Tests.Support;

/// <summary>Feeds the engine's committed events to live projections, as the server does.</summary>
internal sealed class LiveCatalogSubscriber(ProjectionCatalog catalog) : IEngineSubscriber
{
    public void OnCommitted(ReadOnlySpan<CommittedEvent> events)
    {
        foreach (var c in events)
        {
            catalog.Apply(new ProjectionEvent(c.Position, c.RecordedTime, c.EffectiveTime, c.EventId, c.Event));
        }
    }
}
