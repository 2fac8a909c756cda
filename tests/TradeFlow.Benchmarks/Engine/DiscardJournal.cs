using TradeFlow.EventSourcing;

namespace TradeFlow.Benchmarks.Engine;

/// <summary>
/// A store that answers every append with success and keeps nothing, so the engine benchmark measures the
/// engine (ring, checks, decider, serialization, ids, metadata, acks) without any store's cost. Trusts the
/// engine's expectations to compute versions. Recovery over it reads nothing.
/// </summary>
internal sealed class DiscardJournal : IEventJournal
{
    private long _head;

    public GlobalPosition HeadPosition => GlobalPosition.FromInt64(_head);

    public MultiAppendResult AppendMultiple(IReadOnlyList<StreamAppend> appends) =>
        AppendMultiple(appends, new AppendResult[appends.Count]);

    public MultiAppendResult AppendMultiple(IReadOnlyList<StreamAppend> appends, AppendResult[] results)
    {
        for (var i = 0; i < appends.Count; i++)
        {
            var append = appends[i];
            var count = append.Events.Length;
            _head += count;
            var version = (append.Expected.IsPositional ? append.Expected.Version : 0) + count;
            results[i] = AppendResult.Success(append.Stream, append.Expected, version, GlobalPosition.FromInt64(_head));
        }

        return MultiAppendResult.Success(results.AsMemory(0, appends.Count), GlobalPosition.FromInt64(_head));
    }

    public long GetStreamVersion(string stream) => StreamVersion.None;

    public IEnumerable<RecordedEvent> ReadStream(string stream, Direction direction, long fromVersion, long maxCount = long.MaxValue) => [];

    public IEnumerable<RecordedEvent> ReadAll(GlobalPosition from, Direction direction, long maxCount = long.MaxValue) => [];

    public void Dispose()
    {
    }
}
