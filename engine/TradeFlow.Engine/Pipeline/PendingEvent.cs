using TradeFlow.Domain.Events;
using TradeFlow.EventSourcing;

namespace TradeFlow.Engine.Pipeline;

/// <summary>An event the decision stage wants appended: the event, its stream and that stream's expected version.</summary>
/// <param name="Event">The domain event.</param>
/// <param name="Stream">The stream id.</param>
/// <param name="Expected">The stream's version before this event (a command writes at most one event per stream).</param>
internal readonly record struct PendingEvent(ITradeEvent Event, string Stream, ExpectedVersion Expected);
