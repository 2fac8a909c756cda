using System.Runtime.CompilerServices;

namespace TradeFlow.EventSourcing.Storage;

/// <summary>
/// The async contract (<see cref="IEventStore"/>) for a store whose work is synchronous and local
/// (the embedded journal, the in-memory store): appends run on the caller's thread and complete
/// before the task is returned, reads are page-cache reads cancellable between events, and
/// subscriptions are the shared catch-up over <see cref="IEventJournal"/>. Derived stores implement
/// the synchronous members and call <see cref="Notifier"/> after each commit.
/// </summary>
public abstract class SynchronousEventStore : IEventStore, IEventJournal
{
    /// <summary>Wakes catch-up subscriptions; a derived store publishes to it after every commit.</summary>
    protected CommitNotifier Notifier { get; } = new();

    /// <inheritdoc />
    public abstract GlobalPosition HeadPosition { get; }

    /// <inheritdoc />
    public abstract MultiAppendResult AppendMultiple(IReadOnlyList<StreamAppend> appends, AppendResult[] results);

    /// <inheritdoc />
    public abstract long GetStreamVersion(string stream);

    /// <inheritdoc />
    public abstract IEnumerable<RecordedEvent> ReadStream(string stream, Direction direction, long fromVersion, long maxCount = long.MaxValue);

    /// <inheritdoc />
    public abstract IEnumerable<RecordedEvent> ReadAll(GlobalPosition from, Direction direction, long maxCount = long.MaxValue);

    /// <inheritdoc />
    public MultiAppendResult AppendMultiple(IReadOnlyList<StreamAppend> appends)
    {
        ArgumentNullException.ThrowIfNull(appends);
        return AppendMultiple(appends, new AppendResult[appends.Count]);
    }

    /// <inheritdoc />
    /// <remarks>The commit (and any fsync) runs on the calling thread; the task is complete when it returns.</remarks>
    public ValueTask<AppendResult> AppendToStreamAsync(string stream, ExpectedVersion expected, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var result = AppendMultiple([new StreamAppend(stream, expected, events)]);
        return ValueTask.FromResult(result.IsSuccess ? result.Results.Span[0] : result.Conflict);
    }

    /// <inheritdoc />
    /// <remarks>The commit (and any fsync) runs on the calling thread; the task is complete when it returns.</remarks>
    public ValueTask<MultiAppendResult> AppendMultipleAsync(IReadOnlyList<StreamAppend> appends, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(AppendMultiple(appends));
    }

    /// <inheritdoc />
    public ValueTask<long> GetStreamVersionAsync(string stream, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(GetStreamVersion(stream));

    /// <inheritdoc />
    public IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string stream, Direction direction, long fromVersion, long maxCount = long.MaxValue, CancellationToken cancellationToken = default) =>
        AsAsync(ReadStream(stream, direction, fromVersion, maxCount), cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<RecordedEvent> ReadAllAsync(GlobalPosition from, Direction direction, long maxCount = long.MaxValue, CancellationToken cancellationToken = default) =>
        AsAsync(ReadAll(from, direction, maxCount), cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<RecordedEvent> SubscribeToAllAsync(GlobalPosition from, CancellationToken cancellationToken = default) =>
        CatchUpSubscription.SubscribeAsync(this, Notifier, from, cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>Releases the store's resources; derived stores end with <c>base.Dispose(disposing)</c>, which ends subscriptions.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Notifier.Dispose();
        }
    }

    // Argument validation happens in the synchronous call above, eagerly; the iteration is lazy.
    private static async IAsyncEnumerable<RecordedEvent> AsAsync(IEnumerable<RecordedEvent> events, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var recorded in events)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return recorded;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
