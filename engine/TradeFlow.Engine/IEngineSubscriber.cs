namespace TradeFlow.Engine;

/// <summary>
/// An in-process consumer of committed events (live projections, dashboards). Called on the publish
/// thread, once per command that wrote events, in global-position order, after the events are durable and
/// before the command's own ack. Must be quick and must not block; it must not keep the span. An exception
/// is reported through <see cref="EngineOptions.OnSubscriberError"/> and does not stop the engine (the events
/// are durable: a subscriber that fell over catches up from the store).
/// </summary>
public interface IEngineSubscriber
{
    /// <summary>One command's committed events, in order.</summary>
    void OnCommitted(ReadOnlySpan<CommittedEvent> events);
}
