using Microsoft.Win32.SafeHandles;
using TradeFlow.Journal;

namespace TradeFlow.Engine.Tests.Support;

/// <summary>
/// The real embedded journal in a temporary directory, with its fsync replaced by one that waits at a gate the test
/// opens (and may then fail): the test decides when a durable point returns, and sees what was written meanwhile.
/// </summary>
internal sealed class GatedFsync : IDisposable
{
    private readonly ManualResetEventSlim _gate = new(false);
    private readonly SemaphoreSlim _entered = new(0);
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("tradeflow-pipecommit-");
    private Exception? _failure;
    private int _calls;

    public GatedFsync()
    {
        Journal = EventJournal.Open(new JournalOptions(_directory.FullName) { Durability = JournalDurability.EveryBatch });
        Journal.FlushToDisk = Flush;
    }

    public EventJournal Journal { get; }

    /// <summary>fsyncs started so far.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Completes when an fsync has started (and waits at the gate).</summary>
    public Task<bool> WaitForFsyncAsync() => _entered.WaitAsync(EngineHarness.Timeout);

    /// <summary>Lets every fsync, waiting or to come, return (or fail, after <see cref="FailWith"/>).</summary>
    public void Open() => _gate.Set();

    /// <summary>Holds the fsyncs that start from now on at the gate again.</summary>
    public void Close() => _gate.Reset();

    /// <summary>Every fsync from now on fails with <paramref name="failure"/> once the gate is open.</summary>
    public void FailWith(Exception failure) => Volatile.Write(ref _failure, failure);

    public void Dispose()
    {
        _gate.Set();
        Journal.Dispose();
        _gate.Dispose();
        _entered.Dispose();
        _directory.Delete(recursive: true);
    }

    private void Flush(SafeFileHandle handle)
    {
        Interlocked.Increment(ref _calls);
        _entered.Release();
        if (!_gate.Wait(EngineHarness.Timeout))
        {
            throw new TimeoutException("The test never opened the fsync gate.");
        }

        if (Volatile.Read(ref _failure) is { } failure)
        {
            throw failure;
        }
    }
}
