using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using TradeFlow.Engine.Journaling;
using TradeFlow.Journal.Format;

namespace TradeFlow.Benchmarks.Engine;

/// <summary>
/// The two hashes the durable path computes per event (pass <c>engine5</c>), old way against new: the journal's chain
/// hash over a ~350-byte record body (the one-shot <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/> over a
/// copy, as the writer did, against <see cref="ChainHasher"/> through OpenSSL's low-level API) and the event's UUID v5
/// id (the managed <see cref="Sha1"/> against <see cref="EventIds.For"/>, which uses OpenSSL's SHA-1 where it loads).
/// </summary>
[MemoryDiagnoser]
public class WritePathHashBenchmarks : IDisposable
{
    private readonly byte[] _previous = new byte[32];
    private readonly byte[] _body = new byte[350];
    private readonly byte[] _scratch = new byte[4096];
    private readonly byte[] _hash = new byte[32];
    private readonly byte[] _name = new byte[16 + 32];
    private readonly ChainHasher _chain = new();
    private const string SourceKey = "FIX:CLIENT1:571=bench-123456";
    private readonly string _sourceKey = SourceKey;

    [GlobalSetup]
    public void Setup()
    {
        new Random(5).NextBytes(_body);
        new Random(6).NextBytes(_previous);
        EventIds.Namespace.TryWriteBytes(_name, bigEndian: true, out _);
        Encoding.UTF8.GetBytes(SourceKey + "#0").CopyTo(_name, 16);
    }

    public void Dispose()
    {
        _chain.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Before: copy previous ‖ body into a scratch buffer, one-shot platform SHA-256.</summary>
    [Benchmark(Baseline = true)]
    public byte ChainHashOneShotCopy()
    {
        _previous.CopyTo(_scratch, 0);
        _body.CopyTo(_scratch, 32);
        SHA256.HashData(_scratch.AsSpan(0, 32 + _body.Length), _hash);
        return _hash[0];
    }

    /// <summary>After: the writer's <see cref="ChainHasher"/> (OpenSSL's low-level SHA-256, reused context, no copy).</summary>
    [Benchmark]
    public byte ChainHashWriter()
    {
        _chain.Chain(_previous, _body, _hash);
        return _hash[0];
    }

    /// <summary>Before: the managed SHA-1 of an event id's hash input (namespace ‖ "sourceKey#0").</summary>
    [Benchmark]
    public byte EventIdSha1Managed()
    {
        Sha1.HashData(_name.AsSpan(0, 16 + SourceKey.Length + 2), _hash);
        return _hash[0];
    }

    /// <summary>After: the whole event id as the journal stage computes it.</summary>
    [Benchmark]
    public Guid EventId() => EventIds.For(_sourceKey, 0);
}
