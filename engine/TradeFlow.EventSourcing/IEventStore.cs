namespace TradeFlow.EventSourcing;

/// <summary>
/// The event store contract every backend implements (embedded journal, in-memory, PostgreSQL),
/// shaped after the EventStoreDB .NET client. Conflicts are results, not exceptions; a missing
/// stream reads as empty, never as an error.
/// </summary>
public interface IEventStore : IAsyncDisposable
{
    /// <summary>The position of the last committed event (<see cref="GlobalPosition.Start"/> when the store is empty).</summary>
    GlobalPosition HeadPosition { get; }

    /// <summary>
    /// Appends <paramref name="events"/> to <paramref name="stream"/> in one durable commit if its version
    /// meets <paramref name="expected"/>. Appending the same event ids again at the same place is a no-op
    /// that returns the original result (see <c>docs/journal-format.md</c>, idempotency).
    /// </summary>
    ValueTask<AppendResult> AppendToStreamAsync(string stream, ExpectedVersion expected, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default);

    /// <summary>Appends to several streams, each with its own expectation, in one durable commit: all or nothing.</summary>
    ValueTask<MultiAppendResult> AppendMultipleAsync(IReadOnlyList<StreamAppend> appends, CancellationToken cancellationToken = default);

    /// <summary>The version of the stream's last event, or <see cref="StreamVersion.None"/> when the stream does not exist.</summary>
    ValueTask<long> GetStreamVersionAsync(string stream, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads a stream from <paramref name="fromVersion"/> (inclusive; <see cref="StreamVersion.End"/> reads
    /// backwards from the last event), at most <paramref name="maxCount"/> events. A missing stream yields nothing.
    /// </summary>
    IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string stream, Direction direction, long fromVersion, long maxCount = long.MaxValue, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the global log from <paramref name="from"/> (inclusive; <see cref="GlobalPosition.End"/> reads
    /// backwards from the head), at most <paramref name="maxCount"/> events of what was committed when the read began.
    /// </summary>
    IAsyncEnumerable<RecordedEvent> ReadAllAsync(GlobalPosition from, Direction direction, long maxCount = long.MaxValue, CancellationToken cancellationToken = default);

    /// <summary>
    /// A catch-up subscription to all: every committed event at or after <paramref name="from"/> in global
    /// order, history first and then live commits, with no gap and no duplicate across the switch; runs
    /// until <paramref name="cancellationToken"/> is cancelled or the store is disposed.
    /// <see cref="GlobalPosition.End"/> delivers only events committed after the subscription started.
    /// </summary>
    IAsyncEnumerable<RecordedEvent> SubscribeToAllAsync(GlobalPosition from, CancellationToken cancellationToken = default);
}
