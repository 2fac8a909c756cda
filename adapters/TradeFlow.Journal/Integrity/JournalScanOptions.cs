namespace TradeFlow.Journal.Integrity;

/// <summary>How a full integrity scan runs.</summary>
public sealed class JournalScanOptions
{
    /// <summary>
    /// A chain hash an auditor wrote down earlier (32 bytes). The scan reports where it occurs; a pinned hash found
    /// nowhere means the history it sealed was rewritten or cut off.
    /// </summary>
    public ReadOnlyMemory<byte> ExpectedHash { get; init; }

    /// <summary>Called with each record whose CRC holds, in file order (for checks above the journal, e.g. deserialization).</summary>
    public JournalRecordHandler? OnRecord { get; init; }

    /// <summary>
    /// Checked for each record whose CRC holds, on the scan's worker threads, in parallel with the integrity checks
    /// (e.g. deserializing the payload); what it returns is reported in file order in
    /// <see cref="JournalScanReport.RecordCheckProblems"/>. Must be thread-safe. With two threads, the journal's first
    /// record is also checked once ahead of the scan, on the second thread, so that the check's one-time set-up overlaps
    /// the scan's; that answer (or exception) is dropped, and the record is checked again in its batch.
    /// </summary>
    public JournalRecordCheck? CheckRecord { get; init; }

    /// <summary>
    /// Threads that check records (CRC-32C, chain hash, <see cref="CheckRecord"/>) and read ahead: 1 checks everything
    /// on the calling thread; the default uses a second thread when the machine has more than one processor. The
    /// report is the same either way.
    /// </summary>
    public int Threads { get; init; } = Math.Min(2, Environment.ProcessorCount);

    /// <summary>Called now and then with the bytes read so far and the total to read (for a progress bar).</summary>
    public Action<long, long>? OnProgress { get; init; }

    /// <summary>Stops the scan (Ctrl-C).</summary>
    public CancellationToken CancellationToken { get; init; }
}
