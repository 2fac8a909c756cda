using TradeFlow.EventSourcing;

namespace TradeFlow.Fix.Tests.TradeCapture;

/// <summary>
/// A journal that commits in two steps, as the embedded journal does (<see cref="IPipelinedEventJournal"/>): the write
/// goes through to <paramref name="inner"/> at once, and the durable point (the fsync) waits until the test lets it
/// succeed or fail. So a test sees what the gateway did between the journal's write and its fsync.
/// </summary>
internal sealed class FsyncGatedJournal(IEventJournal inner) : IPipelinedEventJournal, IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly ManualResetEventSlim _released = new(false);
    private readonly SemaphoreSlim _entered = new(0);
    private bool _fails;

    public GlobalPosition HeadPosition => inner.HeadPosition;

    public GlobalPosition WrittenPosition => inner.HeadPosition;

    /// <summary>Completes when a durable point (fsync) has started and waits.</summary>
    public Task<bool> WaitForFsyncAsync() => _entered.WaitAsync(Timeout);

    /// <summary>Every waiting and future fsync fails: nothing written since the last durable point is acknowledged.</summary>
    public void FailFsync()
    {
        Volatile.Write(ref _fails, true);
        _released.Set();
    }

    /// <summary>Every waiting and future fsync succeeds.</summary>
    public void CompleteFsync() => _released.Set();

    public MultiAppendResult Write(IReadOnlyList<StreamAppend> appends, AppendResult[] results) => inner.AppendMultiple(appends, results);

    public GlobalPosition MakeDurable(GlobalPosition upTo)
    {
        _entered.Release();
        if (!_released.Wait(Timeout))
        {
            throw new TimeoutException("The test never let the fsync return.");
        }

        return Volatile.Read(ref _fails) ? throw new IOException("fsync failed (simulated).") : upTo;
    }

    public MultiAppendResult AppendMultiple(IReadOnlyList<StreamAppend> appends) =>
        AppendMultiple(appends, new AppendResult[appends.Count]);

    public MultiAppendResult AppendMultiple(IReadOnlyList<StreamAppend> appends, AppendResult[] results)
    {
        var written = Write(appends, results);
        if (written.IsSuccess)
        {
            MakeDurable(written.LastPosition);
        }

        return written;
    }

    public long GetStreamVersion(string stream) => inner.GetStreamVersion(stream);

    public IEnumerable<RecordedEvent> ReadStream(string stream, Direction direction, long fromVersion, long maxCount = long.MaxValue) =>
        inner.ReadStream(stream, direction, fromVersion, maxCount);

    public IEnumerable<RecordedEvent> ReadAll(GlobalPosition from, Direction direction, long maxCount = long.MaxValue) =>
        inner.ReadAll(from, direction, maxCount);

    public void Dispose()
    {
        _released.Set();
        _released.Dispose();
        _entered.Dispose();
    }
}
