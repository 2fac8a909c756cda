namespace TradeFlow.Fix.Session;

/// <summary>
/// Where a session's outbound side stood at one moment: messages stamped, the queue's end and its generation
/// (<see cref="OutboundQueue"/>). Two marks differ when anything was stamped, queued or voided between them.
/// </summary>
/// <param name="Commits">Messages stamped (and stored) so far.</param>
/// <param name="End">The outbound queue's end position.</param>
/// <param name="Generation">The outbound queue's generation.</param>
internal readonly record struct OutboundMark(long Commits, long End, int Generation);
