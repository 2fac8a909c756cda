using System.Collections.Concurrent;
using System.Text;
using BenchmarkDotNet.Attributes;
using TradeFlow.Benchmarks.Projections;
using TradeFlow.Domain.Serialization;
using TradeFlow.EventSourcing.Serialization;
using TradeFlow.Journal.Integrity;

namespace TradeFlow.Benchmarks.Replay;

/// <summary>
/// <c>verify</c>'s scan over the 1M-event journal of the projection benchmarks with the record checks on one thread
/// and on two (<see cref="JournalScanOptions.Threads"/>), in the same process and build, so the two differ only in
/// the threading; one operation is one event. <see cref="Integrity"/> is <c>verify --no-payloads</c>;
/// <see cref="WithPayloads"/> adds the deserialization of every payload through the registry (upcasting), as plain
/// <c>verify</c> does, as a <see cref="JournalScanOptions.CheckRecord"/> that runs on both threads.
/// </summary>
[MemoryDiagnoser]
public class VerifyThreadsBenchmarks
{
    private static readonly ConcurrentDictionary<string, string> Types = new(StringComparer.Ordinal);
    private string _dataDirectory = string.Empty;

    /// <summary>Threads that check records: 1 (everything on the scanning thread) or 2.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup() => _dataDirectory = ProjectionBenchmarkData.MillionEventJournal();

    [Benchmark(OperationsPerInvoke = ProjectionBenchmarkData.MillionEvents)]
    public long Integrity() => JournalIntegrityScanner.Scan(_dataDirectory, new JournalScanOptions { Threads = Threads }).Records;

    [Benchmark(OperationsPerInvoke = ProjectionBenchmarkData.MillionEvents)]
    public long WithPayloads() =>
        JournalIntegrityScanner.Scan(_dataDirectory, new JournalScanOptions { Threads = Threads, CheckRecord = Deserialize }).Records;

    private static string? Deserialize(in JournalRecordView record)
    {
        var name = Encoding.UTF8.GetString(record.Type);
        var type = Types.GetOrAdd(name, name);
        if (!DomainEventRegistry.CanRead(type, record.SchemaVersion))
        {
            return "not in the registry";
        }

        TradeEventSerializer.Instance.Deserialize(type, record.SchemaVersion, record.Payload);
        return null;
    }
}
