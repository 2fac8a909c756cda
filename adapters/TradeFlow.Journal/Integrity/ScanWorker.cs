namespace TradeFlow.Journal.Integrity;

/// <summary>
/// The scan's second thread: each <see cref="Wake"/> lets it run its help routine once. It never holds the scanning
/// thread up by itself — the routine decides, under <see cref="BatchVerifier"/>'s gate, whether there is still work
/// to join — so a wake-up that comes late (the machine is busy) only means the scanning thread did that batch alone.
/// A dedicated thread rather than the pool, because a scan wakes it once per 4 MiB buffer and must not queue behind
/// other work.
/// </summary>
internal sealed class ScanWorker : IDisposable
{
    private readonly SemaphoreSlim _go = new(0);
    private readonly Thread _thread;
    private readonly Action _help;
    private bool _stopping;

    public ScanWorker(Action help)
    {
        _help = help;
        _thread = new Thread(Loop) { IsBackground = true, Name = "journal-verify" };
        _thread.Start();
    }

    /// <summary>Lets the thread run its help routine (once more).</summary>
    public void Wake() => _go.Release();

    /// <summary>Stops the thread after its current routine (if any) and waits for it, so nothing it uses is freed under it.</summary>
    public void Dispose()
    {
        Volatile.Write(ref _stopping, true);
        _go.Release();
        _thread.Join();
        _go.Dispose();
    }

    private void Loop()
    {
        while (true)
        {
            _go.Wait();
            if (Volatile.Read(ref _stopping))
            {
                return;
            }

            _help();
        }
    }
}
