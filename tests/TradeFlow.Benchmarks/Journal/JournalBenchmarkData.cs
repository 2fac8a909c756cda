using TradeFlow.EventSourcing;
using TradeFlow.Journal;

namespace TradeFlow.Benchmarks.Journal;

/// <summary>Shared inputs of the journal benchmarks: 256-byte events and a prebuilt 1M-event journal.</summary>
internal static class JournalBenchmarkData
{
    public const int PayloadSize = 256;
    public const int MillionEvents = 1_000_000;
    public static readonly string Root = Path.Combine(Path.GetTempPath(), "tradeflow-bench");
    private static readonly DateTimeOffset Recorded = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    public static EventData[] Events(int count)
    {
        var payload = new byte[PayloadSize];
        new Random(42).NextBytes(payload);
        var events = new EventData[count];
        for (var i = 0; i < count; i++)
        {
            events[i] = new EventData(Guid.NewGuid(), "TradeBooked", 1, payload, Recorded, Recorded)
            {
                CorrelationId = Guid.NewGuid(),
                Source = "FIX:SESSION-ID:MsgSeqNum=42",
                Actor = "trader:jdoe",
            };
        }

        return events;
    }

    /// <summary>A journal of 1M events, built once and reused by later runs.</summary>
    public static string MillionEventJournal() => JournalOf(MillionEvents);

    /// <summary>
    /// A journal of <paramref name="eventCount"/> events in commits of 100, one stream per commit, built once
    /// and reused by later runs. Event ids are fresh per commit: a repeated id would be an idempotent no-op.
    /// </summary>
    public static string JournalOf(int eventCount)
    {
        var dataDirectory = Path.Combine(Root, $"journal-{eventCount}");
        var done = Path.Combine(dataDirectory, "built");
        if (File.Exists(done))
        {
            return dataDirectory;
        }

        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }

        using (var journal = EventJournal.Open(new JournalOptions(dataDirectory) { Durability = JournalDurability.NoFsyncBenchmarkOnly }))
        {
            var appends = new StreamAppend[1];
            for (var commit = 0; commit < eventCount / 100; commit++)
            {
                appends[0] = new StreamAppend($"trade-T{commit:D12}", ExpectedVersion.NoStream, Events(100).AsMemory());
                journal.AppendMultiple(appends).EnsureSuccess();
            }
        }

        File.WriteAllText(done, eventCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return dataDirectory;
    }
}
