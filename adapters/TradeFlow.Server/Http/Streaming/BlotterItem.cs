using TradeFlow.Domain.Events;

namespace TradeFlow.Server.Http.Streaming;

/// <summary>
/// A committed event as the blotter feed copies it off the engine's publish thread: the references and numbers a
/// <see cref="Views.BlotterRow"/> is built from later, on the feed's own thread, so the publish stage does no
/// formatting.
/// </summary>
/// <param name="Event">The domain event.</param>
/// <param name="Position">Its global position.</param>
/// <param name="RecordedTime">When it was recorded.</param>
/// <param name="Actor">Who sent the command.</param>
internal readonly record struct BlotterItem(ITradeEvent Event, long Position, DateTimeOffset RecordedTime, string? Actor);
