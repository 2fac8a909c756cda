using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using TradeFlow.Domain.Events;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Engine.Journaling;
using TradeFlow.EventSourcing.Serialization;

namespace TradeFlow.Benchmarks.Engine;

/// <summary>
/// The per-command pieces of the pipeline's decide and journal stages, one at a time, on the pipeline
/// benchmark's own inputs: deciding a booking, serializing the enriched <c>TradeBooked</c> the journal
/// writes, the event's UUID v5 id, and its metadata JSON. So each hot-path change is measured in isolation.
/// </summary>
[MemoryDiagnoser]
public class HotPathPieceBenchmarks : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private Utf8JsonWriter _metadataWriter = null!;
    private BookTrade _capture = null!;
    private DecisionContext _context;
    private TradeBooked _enriched = null!;

    [GlobalSetup]
    public void Setup()
    {
        var data = EngineBenchData.ReferenceData();
        _capture = EngineBenchData.Captures(1, "pieces")[0];
        _context = new DecisionContext(data, TradeId.First, null);
        var booked = (TradeBooked)TradeDecider.Decide(null, _capture, _context).Events[0];
        var usd = booked.Notional;
        _enriched = booked with { Enrichment = new TradeEnrichment(usd, usd, "CL-0", []) };
        _metadataWriter = new Utf8JsonWriter(_buffer);
    }

    public void Dispose()
    {
        _metadataWriter?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The domain decider on a valid capture (decision, economics and event are allocated by design).</summary>
    [Benchmark]
    public Decision DecideBooking() => TradeDecider.Decide(null, _capture, _context);

    /// <summary>The enriched booking as the journal stage serializes it, into a reused buffer.</summary>
    [Benchmark]
    public int SerializeTradeBooked()
    {
        _buffer.ResetWrittenCount();
        TradeEventSerializer.Instance.Serialize(_enriched, _buffer);
        return _buffer.WrittenCount;
    }

    /// <summary>The UUID v5 of the capture's source key and event index.</summary>
    [Benchmark]
    public Guid EventId() => EventIds.For(_capture.SourceKey, 0);

    /// <summary>The engine's metadata JSON for the event.</summary>
    [Benchmark]
    public int Metadata()
    {
        _buffer.ResetWrittenCount();
        _metadataWriter.Reset(_buffer);
        EventMetadata.Write(_metadataWriter, _capture.SourceKey, TradeCommandKind.Book, 0, []);
        return _buffer.WrittenCount;
    }
}
