namespace TradeFlow.EventSourcing;

/// <summary>
/// A synchronous store whose commit is split in two, so that a writer can pipeline its group commits: while one
/// thread waits in <see cref="MakeDurable"/> (the fsync of batch n), another may already <see cref="Write"/>
/// batch n+1. <see cref="Write"/> decides expectations, assigns positions and versions and hands the bytes to the
/// operating system — nothing is durable and nothing is visible to readers yet; <see cref="MakeDurable"/> makes
/// every write made before it durable (one fsync, whatever number of writes it covers, across segment rolls) and
/// only then publishes them: <see cref="IEventJournal.HeadPosition"/>, reads and subscriptions never show an event
/// whose fsync has not returned. <see cref="IEventJournal.AppendMultiple(IReadOnlyList{StreamAppend}, AppendResult[])"/>
/// stays the one-call form (a write, then a durable point covering it).
/// </summary>
/// <remarks>
/// One thread writes and one (possibly another) makes durable; the two may run at the same time. A failed fsync
/// poisons the store (after a failed fsync the page cache's state is unknown): that call and every later
/// <see cref="Write"/> and <see cref="MakeDurable"/> throw, nothing written after the last durable point is ever
/// published, and only a reopen (recovery) decides what reached the disk.
/// </remarks>
public interface IPipelinedEventJournal : IEventJournal
{
    /// <summary>The position of the last event written, durable or not (the writer's view; at least <see cref="IEventJournal.HeadPosition"/>).</summary>
    GlobalPosition WrittenPosition { get; }

    /// <summary>
    /// Checks every expectation and writes the streams' events as one commit, all or nothing, without waiting for
    /// the disk: the results carry their positions and versions, but the events are neither durable nor visible
    /// until a <see cref="MakeDurable"/> covers them. On success <see cref="MultiAppendResult.LastPosition"/> is the
    /// written head, which also covers a retry answered from events still waiting for their fsync.
    /// </summary>
    MultiAppendResult Write(IReadOnlyList<StreamAppend> appends, AppendResult[] results);

    /// <summary>
    /// Makes every event written before this call durable (one fsync; none when <paramref name="upTo"/> is durable
    /// already) and publishes it to readers; returns the durable head, at least <paramref name="upTo"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="upTo"/> is beyond <see cref="WrittenPosition"/>.</exception>
    GlobalPosition MakeDurable(GlobalPosition upTo);
}
