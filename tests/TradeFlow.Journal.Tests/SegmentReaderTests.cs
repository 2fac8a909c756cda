using TradeFlow.Journal.Integrity;

namespace TradeFlow.Journal.Tests;

/// <summary>The integrity scan's buffered segment reader.</summary>
public sealed class SegmentReaderTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"segment-reader-{Guid.NewGuid():N}.bin");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void A_cache_line_hint_anywhere_in_before_or_beyond_the_buffer_changes_no_byte_read()
    {
        var bytes = new byte[10_000];
        new Random(3).NextBytes(bytes);
        File.WriteAllBytes(_path, bytes);
        using var handle = File.OpenHandle(_path);
        var reader = new SegmentReader(4096);
        reader.Attach(handle, bytes.Length);
        var window = reader.Window(0);

        for (var at = 0; at < bytes.Length; at += 1000)
        {
            foreach (var offset in (long[])[-1, 0, at + 1024, 4095, 4096, 9_999, 10_000, long.MaxValue, long.MinValue])
            {
                window.HintCacheLine(offset);
            }

            Assert.True(reader.Read(window, at, 500).SequenceEqual(bytes.AsSpan(at, 500)));
        }
    }
}
