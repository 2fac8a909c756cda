namespace TradeFlow.EventSourcing;

/// <summary>
/// The synchronous face of a store, for the engine's journal stage (a dedicated thread that must not
/// use async) and for recovery and replay tools. Implemented by the embedded journal and the in-memory store.
/// </summary>
public interface IEventJournal : IDisposable
{
    /// <summary>The position of the last committed event (<see cref="GlobalPosition.Start"/> when empty).</summary>
    GlobalPosition HeadPosition { get; }

    /// <summary>
    /// Appends to several streams in one durable commit (one write, one fsync for the journal), all or
    /// nothing. Allocates the per-stream result array; see the overload taking a buffer for the hot path.
    /// </summary>
    MultiAppendResult AppendMultiple(IReadOnlyList<StreamAppend> appends);

    /// <summary>
    /// As <see cref="AppendMultiple(IReadOnlyList{StreamAppend})"/>, writing the per-stream results into
    /// <paramref name="results"/> (length at least <c>appends.Count</c>), which the caller reuses batch after
    /// batch; the returned <see cref="MultiAppendResult.Results"/> is a slice of it.
    /// </summary>
    MultiAppendResult AppendMultiple(IReadOnlyList<StreamAppend> appends, AppendResult[] results);

    /// <summary>The version of the stream's last event, or <see cref="StreamVersion.None"/>.</summary>
    long GetStreamVersion(string stream);

    /// <summary>Reads a stream synchronously (same rules as <see cref="IEventStore.ReadStreamAsync"/>).</summary>
    IEnumerable<RecordedEvent> ReadStream(string stream, Direction direction, long fromVersion, long maxCount = long.MaxValue);

    /// <summary>Reads the global log synchronously (same rules as <see cref="IEventStore.ReadAllAsync"/>).</summary>
    IEnumerable<RecordedEvent> ReadAll(GlobalPosition from, Direction direction, long maxCount = long.MaxValue);
}
