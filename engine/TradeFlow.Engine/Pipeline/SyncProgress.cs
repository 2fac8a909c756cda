namespace TradeFlow.Engine.Pipeline;

/// <summary>
/// How far the sync stage has <em>taken</em> the journal's writes: the written position its running (or last) fsync
/// covers. The journal stage waits on it before a write when an earlier write is not yet taken — that write will be
/// covered by the sync stage's next fsync, and so would this one, so writing now would only cut the group commit into
/// small writes (a syscall, a lock and a wake-up each) without making anything durable sooner. While it waits, the
/// ring fills and its next batch grows, as it did when the journal stage did the fsync itself; what the pipeline
/// keeps is the overlap: batch n+1 is written while batch n's fsync runs.
/// </summary>
/// <remarks>
/// One writer (the sync stage's thread) and one waiter (the journal stage's thread). The waiter announces itself
/// and then re-reads the position; the writer publishes the position and then reads the announcement, both with
/// full fences — so either the writer sees the waiter and pulses, or the waiter sees the new position. The pulse is
/// under the monitor the waiter holds until it waits, so it cannot fall between the waiter's check and its wait.
/// </remarks>
internal sealed class SyncProgress
{
    private static readonly TimeSpan Recheck = TimeSpan.FromMilliseconds(50);
    private readonly object _monitor = new();
    private long _taken;
    private int _waiting;

    /// <summary>The highest written position the sync stage has taken into an fsync (or failed).</summary>
    public long Taken => Volatile.Read(ref _taken);

    /// <summary>
    /// The sync stage takes every write up to <paramref name="position"/>: before its fsync starts, and again with the
    /// durable head the fsync returned (which may cover writes it has not seen yet). Never moves backwards.
    /// </summary>
    public void Take(long position)
    {
        if (position <= _taken)
        {
            return;
        }

        Interlocked.Exchange(ref _taken, position);
        if (Volatile.Read(ref _waiting) != 0)
        {
            lock (_monitor)
            {
                Monitor.PulseAll(_monitor);
            }
        }
    }

    /// <summary>
    /// Waits until the sync stage has taken <paramref name="position"/>, or the engine is faulted (then the write that
    /// follows fails or is failed anyway). Rechecks the fault now and then, so a stopped sync stage cannot hang it.
    /// </summary>
    public void WaitUntilTaken(long position, EngineFault fault)
    {
        if (Taken >= position)
        {
            return;
        }

        lock (_monitor)
        {
            Interlocked.Exchange(ref _waiting, 1);
            while (Taken < position && fault.Fault is null)
            {
                Monitor.Wait(_monitor, Recheck);
            }

            Volatile.Write(ref _waiting, 0);
        }
    }
}
