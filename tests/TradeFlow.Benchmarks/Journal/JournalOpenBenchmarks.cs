using BenchmarkDotNet.Attributes;
using TradeFlow.Journal;

namespace TradeFlow.Benchmarks.Journal;

/// <summary>
/// Opening a 1M- and a 10M-event journal (recovery + index) for writing: from the checkpoint, and with full
/// verification of every record (CRC + SHA-256 chain + index rebuild). One operation is one open.
/// </summary>
[MemoryDiagnoser]
public class JournalOpenBenchmarks
{
    private EventJournal? _journal;
    private string _directory = string.Empty;

    [Params(JournalVerification.FromCheckpoint, JournalVerification.Full)]
    public JournalVerification Verification { get; set; }

    [Params(1_000_000, 10_000_000)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup() => _directory = JournalBenchmarkData.JournalOf(Events);

    [IterationCleanup]
    public void CloseJournal()
    {
        // Closing writes the checkpoint: outside the measurement.
        _journal?.Dispose();
        _journal = null;
    }

    [Benchmark]
    public long Open()
    {
        _journal = EventJournal.Open(new JournalOptions(_directory) { Verification = Verification });
        return _journal.Recovery.EventCount;
    }
}
