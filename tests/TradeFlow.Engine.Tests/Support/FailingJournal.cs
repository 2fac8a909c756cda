using TradeFlow.EventSourcing;

namespace TradeFlow.Engine.Tests.Support;

/// <summary>A store whose appends fail (a full disk), after <paramref name="successes"/> good ones.</summary>
internal sealed class FailingJournal(IEventJournal inner, int successes = 0) : IEventJournal
{
    private int _appends;

    public GlobalPosition HeadPosition => inner.HeadPosition;

    public MultiAppendResult AppendMultiple(IReadOnlyList<StreamAppend> appends) =>
        AppendMultiple(appends, new AppendResult[appends.Count]);

    public MultiAppendResult AppendMultiple(IReadOnlyList<StreamAppend> appends, AppendResult[] results) =>
        Interlocked.Increment(ref _appends) > successes
            ? throw new IOException("No space left on device (simulated).")
            : inner.AppendMultiple(appends, results);

    public long GetStreamVersion(string stream) => inner.GetStreamVersion(stream);

    public IEnumerable<RecordedEvent> ReadStream(string stream, Direction direction, long fromVersion, long maxCount = long.MaxValue) =>
        inner.ReadStream(stream, direction, fromVersion, maxCount);

    public IEnumerable<RecordedEvent> ReadAll(GlobalPosition from, Direction direction, long maxCount = long.MaxValue) =>
        inner.ReadAll(from, direction, maxCount);

    public void Dispose() => inner.Dispose();
}
