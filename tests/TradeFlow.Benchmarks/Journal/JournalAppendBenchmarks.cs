using BenchmarkDotNet.Attributes;
using TradeFlow.EventSourcing;
using TradeFlow.Journal;

namespace TradeFlow.Benchmarks.Journal;

/// <summary>
/// Group-commit throughput: one operation is one commit of <see cref="BatchSize"/> 256-byte events spread
/// over up to 100 streams, with one write and one fsync. events/s = BatchSize ÷ mean; fsyncs/s = 1 ÷ mean;
/// allocation per event = allocated ÷ BatchSize.
/// </summary>
[MemoryDiagnoser]
public class JournalAppendBenchmarks
{
    private const int Streams = 100;
    private readonly List<StreamAppend> _appends = [];
    private EventJournal _journal = null!;
    private EventData[] _events = [];
    private AppendResult[] _results = [];
    private string[] _streamNames = [];
    private long[] _versions = [];
    private string _directory = string.Empty;

    [Params(1, 10, 100, 1000)]
    public int BatchSize { get; set; }

    /// <summary>EveryBatch is the product; NoFsyncBenchmarkOnly isolates the CPU cost (encode, CRC, SHA-256, index).</summary>
    [Params(JournalDurability.EveryBatch, JournalDurability.NoFsyncBenchmarkOnly)]
    public JournalDurability Durability { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(JournalBenchmarkData.Root, "append-" + Guid.NewGuid().ToString("N"));
        _journal = EventJournal.Open(new JournalOptions(_directory) { Durability = Durability });
        _events = JournalBenchmarkData.Events(BatchSize);
        _results = new AppendResult[Streams];
        var streams = Math.Min(Streams, BatchSize);
        _streamNames = Enumerable.Range(0, streams).Select(i => $"trade-T{i:D12}").ToArray();
        _versions = Enumerable.Repeat(StreamVersion.None, streams).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _journal.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>One commit of <see cref="BatchSize"/> events: one write, one fsync.</summary>
    [Benchmark]
    public GlobalPosition CommitBatch() => Commit();

    // The engine's journal stage shape: one reused list, slices of one reused event array, exact expectations.
    private GlobalPosition Commit()
    {
        _appends.Clear();
        var perStream = BatchSize / _streamNames.Length;
        for (var s = 0; s < _streamNames.Length; s++)
        {
            var expected = _versions[s] < 0 ? ExpectedVersion.NoStream : ExpectedVersion.At(_versions[s]);
            _appends.Add(new StreamAppend(_streamNames[s], expected, _events.AsMemory(s * perStream, perStream)));
        }

        var result = _journal.AppendMultiple(_appends, _results);
        var results = result.Results.Span;
        for (var s = 0; s < results.Length; s++)
        {
            _versions[s] = results[s].NextExpectedVersion;
        }

        return result.LastPosition;
    }
}
