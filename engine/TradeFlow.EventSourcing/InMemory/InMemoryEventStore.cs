using TradeFlow.EventSourcing.Storage;

namespace TradeFlow.EventSourcing.InMemory;

/// <summary>
/// An event store held in memory, for fast engine and projection tests. It follows the same contract as
/// the journal (the same contract suite proves it) but nothing survives the process. Appends copy the
/// payload and metadata bytes so that callers may reuse their buffers.
/// </summary>
public sealed partial class InMemoryEventStore : SynchronousEventStore
{
    private readonly Lock _gate = new();
    private readonly List<RecordedEvent> _all = [];
    private readonly Dictionary<string, List<RecordedEvent>> _streams = new(StringComparer.Ordinal);
    private long _head;
    private bool _disposed;

    /// <inheritdoc cref="IEventStore.HeadPosition" />
    public override GlobalPosition HeadPosition => GlobalPosition.FromInt64(Volatile.Read(ref _head));

    /// <inheritdoc />
    public override MultiAppendResult AppendMultiple(IReadOnlyList<StreamAppend> appends, AppendResult[] results)
    {
        AppendRule.ValidateDistinctStreams(appends);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentOutOfRangeException.ThrowIfLessThan(results.Length, appends.Count, nameof(results));
        foreach (var append in appends)
        {
            AppendRule.ValidateEvents(append.Stream, append.Events.Span);
        }

        long head;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            for (var i = 0; i < appends.Count; i++)
            {
                if (!Decide(appends[i], out results[i]))
                {
                    return MultiAppendResult.Failed(i, results[i]);
                }
            }

            for (var i = 0; i < appends.Count; i++)
            {
                if (!results[i].WasAlreadyWritten && appends[i].Events.Length > 0)
                {
                    results[i] = Write(appends[i]);
                }
            }

            head = _all.Count;
            Volatile.Write(ref _head, head);
        }

        Notifier.Publish();
        return MultiAppendResult.Success(results.AsMemory(0, appends.Count), GlobalPosition.FromInt64(head));
    }

    /// <inheritdoc />
    public override long GetStreamVersion(string stream)
    {
        StreamName.Validate(stream);
        lock (_gate)
        {
            return _streams.TryGetValue(stream, out var events) ? events.Count - 1 : StreamVersion.None;
        }
    }

    /// <inheritdoc />
    public override IEnumerable<RecordedEvent> ReadStream(string stream, Direction direction, long fromVersion, long maxCount = long.MaxValue)
    {
        StreamName.Validate(stream);
        lock (_gate)
        {
            return _streams.TryGetValue(stream, out var events)
                ? Slice(events, ReadRange.Of(0, events.Count, fromVersion, direction, maxCount))
                : [];
        }
    }

    /// <inheritdoc />
    public override IEnumerable<RecordedEvent> ReadAll(GlobalPosition from, Direction direction, long maxCount = long.MaxValue)
    {
        lock (_gate)
        {
            // Positions are 1-based; list indexes 0-based.
            var range = ReadRange.Of(1, _all.Count, from.Value, direction, maxCount);
            return Slice(_all, range with { First = range.First - 1 });
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        lock (_gate)
        {
            _disposed = true;
        }

        base.Dispose(disposing);
    }

}
