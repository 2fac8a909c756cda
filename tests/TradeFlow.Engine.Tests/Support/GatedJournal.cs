using TradeFlow.EventSourcing;

namespace TradeFlow.Engine.Tests.Support;

/// <summary>
/// A store decorator whose appends wait at a gate the test opens, and which signals each append's arrival
/// and completion: proof that nothing is acked before the store returns.
/// </summary>
internal sealed class GatedJournal(IEventJournal inner) : IEventJournal
{
    private readonly ManualResetEventSlim _gate = new(false);
    private readonly SemaphoreSlim _entered = new(0);
    private long _completedAppends;

    public IEventJournal Inner => inner;

    public long CompletedAppends => Interlocked.Read(ref _completedAppends);

    public GlobalPosition HeadPosition => inner.HeadPosition;

    public void Open() => _gate.Set();

    public Task<bool> WaitForAppendAsync() => _entered.WaitAsync(EngineHarness.Timeout);

    public MultiAppendResult AppendMultiple(IReadOnlyList<StreamAppend> appends) =>
        AppendMultiple(appends, new AppendResult[appends.Count]);

    public MultiAppendResult AppendMultiple(IReadOnlyList<StreamAppend> appends, AppendResult[] results)
    {
        _entered.Release();
        if (!_gate.Wait(EngineHarness.Timeout))
        {
            throw new TimeoutException("The test never opened the journal gate.");
        }

        var result = inner.AppendMultiple(appends, results);
        Interlocked.Increment(ref _completedAppends);
        return result;
    }

    public long GetStreamVersion(string stream) => inner.GetStreamVersion(stream);

    public IEnumerable<RecordedEvent> ReadStream(string stream, Direction direction, long fromVersion, long maxCount = long.MaxValue) =>
        inner.ReadStream(stream, direction, fromVersion, maxCount);

    public IEnumerable<RecordedEvent> ReadAll(GlobalPosition from, Direction direction, long maxCount = long.MaxValue) =>
        inner.ReadAll(from, direction, maxCount);

    public void Dispose()
    {
        _gate.Set();
        _gate.Dispose();
        _entered.Dispose();
        inner.Dispose();
    }
}
