namespace TradeFlow.Journal.Tests;

/// <summary>A data directory of its own for one test, deleted afterwards.</summary>
internal sealed class TempJournal
{
    public TempJournal(long segmentSize = 64 * 1024)
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "tradeflow-journal-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        Options = new JournalOptions(DataDirectory) { SegmentSize = segmentSize };
    }

    public string DataDirectory { get; }

    public JournalOptions Options { get; }

    public string JournalDirectory => Options.JournalDirectory;

    public EventJournal Open() => EventJournal.Open(Options);

    public EventJournal OpenFull() => EventJournal.Open(new JournalOptions(DataDirectory) { SegmentSize = Options.SegmentSize, Verification = JournalVerification.Full });

    public string[] Segments() => Directory.GetFiles(JournalDirectory, "segment-*.tfj").Order(StringComparer.Ordinal).ToArray();

    public void DeleteCheckpoint() => File.Delete(Path.Combine(JournalDirectory, "index.tfi"));

    public void Delete()
    {
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A test that failed mid-way may still hold a handle; the temp folder is cleaned by the OS.
        }
    }
}
