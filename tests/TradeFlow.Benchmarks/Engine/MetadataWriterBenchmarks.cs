using System.Buffers;
using System.Collections.Immutable;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using TradeFlow.Domain.Trades;
using TradeFlow.Engine.Journaling;

namespace TradeFlow.Benchmarks.Engine;

/// <summary>
/// The journal thread's metadata JSON per event (issue 4, pass <c>engine10</c>): <c>EventMetadata.Write</c> (the
/// common case as one raw copy) against engine9's writer (<see cref="EngineNineMetadataWriter"/>, every property through
/// <see cref="Utf8JsonWriter"/>), on 1,024 FIX-style source keys, into a reused buffer with the writer reset per event
/// as the journal stage does. Setup checks that both write the same bytes.
/// </summary>
[MemoryDiagnoser]
public class MetadataWriterBenchmarks : IDisposable
{
    private const int Keys = 1024;
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private string[] _keys = [];
    private Utf8JsonWriter _writer = null!;
    private int _next;

    /// <summary>Builds the keys and checks the writers agree.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _keys = [.. Enumerable.Range(0, Keys).Select(i => $"FIX-CLIENT{i % 7}:571=T{100_000_000 + (i * 7919):D10}")];
        _writer = new Utf8JsonWriter(_buffer);
        foreach (var key in _keys)
        {
            if (!Write(true, key).SequenceEqual(Write(false, key)))
            {
                throw new InvalidOperationException($"The writers disagree on {key}.");
            }
        }
    }

    /// <summary>engine9: through the writer.</summary>
    [Benchmark(Baseline = true)]
    public int EngineNine() => WriteNext(engineNine: true);

    /// <summary>engine10: the raw copy.</summary>
    [Benchmark]
    public int Raw() => WriteNext(engineNine: false);

    /// <inheritdoc />
    public void Dispose()
    {
        _writer.Dispose();
        GC.SuppressFinalize(this);
    }

    private int WriteNext(bool engineNine)
    {
        var key = _keys[_next++ & (Keys - 1)];
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        if (engineNine)
        {
            EngineNineMetadataWriter.Write(_writer, key, TradeCommandKind.Book, 0, ImmutableArray<string>.Empty);
        }
        else
        {
            EventMetadata.Write(_writer, key, TradeCommandKind.Book, 0, ImmutableArray<string>.Empty);
        }

        return _buffer.WrittenCount;
    }

    private byte[] Write(bool engineNine, string key)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        if (engineNine)
        {
            EngineNineMetadataWriter.Write(_writer, key, TradeCommandKind.Book, 0, ImmutableArray<string>.Empty);
        }
        else
        {
            EventMetadata.Write(_writer, key, TradeCommandKind.Book, 0, ImmutableArray<string>.Empty);
        }

        return _buffer.WrittenSpan.ToArray();
    }
}
