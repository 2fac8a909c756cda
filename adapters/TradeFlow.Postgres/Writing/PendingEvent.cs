namespace TradeFlow.Postgres.Writing;

/// <summary>An event the current transaction writes, with the position and stream version it was given under the head lock.</summary>
/// <param name="Position">The global position (dense, from the head counter).</param>
/// <param name="StreamId">The stream.</param>
/// <param name="Version">The 0-based stream version.</param>
/// <param name="Data">The event as appended.</param>
internal readonly record struct PendingEvent(long Position, string StreamId, long Version, EventSourcing.EventData Data);
