using TradeFlow.Engine;

namespace TradeFlow.Benchmarks.Engine;

/// <summary>Counts outcomes on the publish thread and signals when the expected number arrived; counts anything not accepted.</summary>
internal sealed class CountdownCompletion : ICommandCompletion, IDisposable
{
    private readonly ManualResetEventSlim _done = new(false);
    private long _remaining;
    private long _notAccepted;

    public long NotAccepted => Interlocked.Read(ref _notAccepted);

    public void Reset(long expected)
    {
        _done.Reset();
        Interlocked.Exchange(ref _remaining, expected);
        Interlocked.Exchange(ref _notAccepted, 0);
    }

    public void OnCompleted(long token, in CommandOutcome outcome)
    {
        if (!outcome.IsAccepted)
        {
            Interlocked.Increment(ref _notAccepted);
        }

        // One publish thread calls this: the count is only contended with Reset, which runs before submitting.
        if (Interlocked.Decrement(ref _remaining) == 0)
        {
            _done.Set();
        }
    }

    public void Wait()
    {
        if (!_done.Wait(TimeSpan.FromMinutes(2)))
        {
            throw new TimeoutException($"Only {Interlocked.Read(ref _remaining)} outcomes short of the expected count after 2 minutes.");
        }
    }

    public void Dispose() => _done.Dispose();
}
