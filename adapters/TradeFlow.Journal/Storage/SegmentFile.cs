using Microsoft.Win32.SafeHandles;

namespace TradeFlow.Journal.Storage;

/// <summary>An open segment: its number, path, handle and committed length (the writer's append offset).</summary>
internal sealed class SegmentFile(long number, string path, SafeFileHandle handle, long length) : IDisposable
{
    private long _length = length;

    public long Number { get; } = number;

    public string Path { get; } = path;

    public SafeFileHandle Handle { get; } = handle;

    /// <summary>The bytes of committed records (plus the header).</summary>
    public long Length
    {
        get => Volatile.Read(ref _length);
        set => Volatile.Write(ref _length, value);
    }

    public void Dispose() => Handle.Dispose();
}
