using TradeFlow.Engine;
using TradeFlow.Projections.Runtime;

namespace TradeFlow.Server.Serve;

/// <summary>
/// Hands the engine's committed events to the live projections: on the publish thread it only copies each event's
/// reference and envelope fields into the <see cref="LiveProjectionFeed"/>'s preallocated slots and wakes the
/// daemon if it sleeps. No allocation, no fold, no lock; a full feed drops the event and the daemon reads it back
/// from the store (it is durable before the publish stage runs).
/// </summary>
internal sealed class LiveProjectionSubscriber(LiveProjectionFeed feed) : IEngineSubscriber
{
    /// <summary>The feed the daemon drains.</summary>
    public LiveProjectionFeed Feed { get; } = feed;

    /// <inheritdoc/>
    public void OnCommitted(ReadOnlySpan<CommittedEvent> events)
    {
        foreach (ref readonly var e in events)
        {
            Feed.Offer(new ProjectionEvent(e.Position, e.RecordedTime, e.EffectiveTime, e.EventId, e.Event));
        }

        Feed.Notify();
    }
}
