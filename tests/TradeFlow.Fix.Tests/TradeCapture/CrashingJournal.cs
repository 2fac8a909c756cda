using TradeFlow.EventSourcing;

namespace TradeFlow.Fix.Tests.TradeCapture;

/// <summary>
/// A journal whose appends wait at a gate and never reach the journal behind it: the test sees an append arrive,
/// then <see cref="Crash"/>es it, as a process dying before its commit would. The inner journal is the test's (not
/// disposed here), so a fresh engine can recover from it afterwards. <see cref="Commit"/> instead lets the waiting and
/// every later append through to the inner journal.
/// </summary>
internal sealed class CrashingJournal(IEventJournal inner) : IEventJournal
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly ManualResetEventSlim _crashed = new(false);
    private readonly SemaphoreSlim _entered = new(0);

    public GlobalPosition HeadPosition => inner.HeadPosition;

    public Task<bool> WaitForAppendAsync() => _entered.WaitAsync(Timeout);

    private bool _commits;

    /// <summary>Every waiting and future append fails without committing anything.</summary>
    public void Crash() => _crashed.Set();

    /// <summary>Every waiting and future append goes through to the inner journal.</summary>
    public void Commit()
    {
        Volatile.Write(ref _commits, true);
        _crashed.Set();
    }

    public MultiAppendResult AppendMultiple(IReadOnlyList<StreamAppend> appends) =>
        AppendMultiple(appends, new AppendResult[appends.Count]);

    public MultiAppendResult AppendMultiple(IReadOnlyList<StreamAppend> appends, AppendResult[] results)
    {
        _entered.Release();
        if (!_crashed.Wait(Timeout))
        {
            throw new TimeoutException("The test never crashed the journal.");
        }

        return Volatile.Read(ref _commits)
            ? inner.AppendMultiple(appends, results)
            : throw new IOException("Simulated crash before the journal commit");
    }

    public long GetStreamVersion(string stream) => inner.GetStreamVersion(stream);

    public IEnumerable<RecordedEvent> ReadStream(string stream, Direction direction, long fromVersion, long maxCount = long.MaxValue) =>
        inner.ReadStream(stream, direction, fromVersion, maxCount);

    public IEnumerable<RecordedEvent> ReadAll(GlobalPosition from, Direction direction, long maxCount = long.MaxValue) =>
        inner.ReadAll(from, direction, maxCount);

    public void Dispose()
    {
        _crashed.Set();
        _crashed.Dispose();
        _entered.Dispose();
    }
}
