using BenchmarkDotNet.Attributes;
using TradeFlow.Benchmarks.Projections;
using TradeFlow.Domain.Serialization;
using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.Serialization;
using TradeFlow.Journal;
using TradeFlow.Journal.Integrity;
using TradeFlow.Projections.Runtime;

namespace TradeFlow.Benchmarks.Replay;

/// <summary>
/// What <c>tradeflow-replay verify</c> and <c>replay</c> do per event, over the 1M-event trade journal of the
/// projection benchmarks; one operation is one event. <see cref="VerifyIntegrity"/> is <c>verify --no-payloads</c>
/// (frames, CRC-32C, SHA-256 chain, positions, stream versions); <see cref="VerifyWithPayloads"/> adds the
/// deserialization check of plain <c>verify</c>; <see cref="ReplayToHead"/> is <c>replay --at-position head</c>'s
/// fold of the three projections from a read-only open. MB/s = journal bytes ÷ (mean × 1M).
/// </summary>
[MemoryDiagnoser]
public class ReplayToolBenchmarks
{
    private string _dataDirectory = string.Empty;

    /// <summary>Bytes of segment files, to turn the verify time into MB/s.</summary>
    public static long JournalBytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _dataDirectory = ProjectionBenchmarkData.MillionEventJournal();
        JournalBytes = Directory.GetFiles(Path.Combine(_dataDirectory, "journal"), "segment-*.tfj").Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"// journal bytes: {JournalBytes}");
    }

    [Benchmark(OperationsPerInvoke = ProjectionBenchmarkData.MillionEvents)]
    public long VerifyIntegrity() => JournalIntegrityScanner.Scan(_dataDirectory).Records;

    [Benchmark(OperationsPerInvoke = ProjectionBenchmarkData.MillionEvents)]
    public long VerifyWithPayloads()
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var report = JournalIntegrityScanner.Scan(_dataDirectory, new JournalScanOptions
        {
            OnRecord = (in JournalRecordView r) =>
            {
                var type = System.Text.Encoding.UTF8.GetString(r.Type);
                type = types.TryGetValue(type, out var known) ? known : types[type] = type;
                if (DomainEventRegistry.CanRead(type, r.SchemaVersion))
                {
                    TradeEventSerializer.Instance.Deserialize(type, r.SchemaVersion, r.Payload);
                }
            },
        });
        return report.Records;
    }

    [Benchmark(OperationsPerInvoke = ProjectionBenchmarkData.MillionEvents)]
    public long ReplayToHead()
    {
        using var journal = EventJournal.OpenReadOnly(new JournalOptions(_dataDirectory));
        var projections = new IProjection[]
        {
            new TradeFlow.Projections.Accounting.AccountingProjection(ProjectionBenchmarkData.ReferenceData),
            new TradeFlow.Projections.Exposure.ExposureProjection(ProjectionBenchmarkData.ReferenceData),
            new TradeFlow.Projections.Settlement.SettlementProjection(ProjectionBenchmarkData.ReferenceData),
        };
        long applied = 0;
        foreach (var e in ProjectionEvents.ReadAll(journal, GlobalPosition.Start))
        {
            foreach (var projection in projections)
            {
                projection.Apply(e);
            }

            applied++;
        }

        return applied;
    }
}
