using BenchmarkDotNet.Attributes;
using Microsoft.Win32.SafeHandles;

namespace TradeFlow.Benchmarks.Journal;

/// <summary>
/// What the disk allows: append 256 bytes and fsync, in a loop, with nothing else — the ceiling for the
/// journal's commits per second (compare JournalAppendBenchmarks' BatchSize=1 mean with this one).
/// </summary>
[MemoryDiagnoser]
public class FsyncBaselineBenchmarks
{
    private readonly byte[] _record = new byte[256];
    private SafeFileHandle _handle = null!;
    private string _path = string.Empty;
    private long _offset;

    [GlobalSetup]
    public void Setup()
    {
        Directory.CreateDirectory(JournalBenchmarkData.Root);
        _path = Path.Combine(JournalBenchmarkData.Root, "fsync-" + Guid.NewGuid().ToString("N"));
        _handle = File.OpenHandle(_path, FileMode.CreateNew, FileAccess.ReadWrite);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _handle.Dispose();
        File.Delete(_path);
    }

    [Benchmark]
    public void WriteAndFsync()
    {
        RandomAccess.Write(_handle, _record, _offset);
        _offset += _record.Length;
        RandomAccess.FlushToDisk(_handle);
    }
}
