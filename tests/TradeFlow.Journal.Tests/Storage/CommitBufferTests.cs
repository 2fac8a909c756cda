using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Journal.Storage;

namespace TradeFlow.Journal.Tests.Storage;

// The journal's commit is encoded into reused 64 KB chunks and written with one gathered write (pass engine14), where
// it was one array doubled to the largest commit: the file must receive exactly the bytes reserved, in order, commit
// after commit on the same buffer, and the last record's bytes must be the last ones reserved.
public sealed class CommitBufferTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "commitbuffer-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => File.Delete(_path);

    // A commit: record sizes from a few bytes to more than a chunk (which gets a chunk of its own).
    private static readonly Gen<int[]> Commits =
        from count in Gen.Choose(1, 60)
        from sizes in Gen.ArrayOf(Gen.Frequency((20, Gen.Choose(40, 2_000)), (3, Gen.Choose(20_000, 70_000)), (1, Gen.Choose(65_000, 140_000))), count)
        select sizes;

    [Fact]
    public void Every_commit_writes_the_bytes_reserved_in_order_and_the_last_record_ends_the_buffer()
    {
        var buffer = new CommitBuffer();
        var seed = 0;
        Prop.ForAll(Gen.ArrayOf(Commits, 3).ToArbitrary(), commits => commits.All(sizes =>
        {
            buffer.Reset();
            var expected = new List<byte>();
            byte[] last = [];
            foreach (var size in sizes)
            {
                var record = buffer.Reserve(size);
                last = Enumerable.Range(0, size).Select(i => (byte)(seed + (i * 31) + size)).ToArray();
                last.CopyTo(record);
                expected.AddRange(last);
                seed++;
            }

            using (var file = File.OpenHandle(_path, FileMode.Create, FileAccess.Write))
            {
                RandomAccess.Write(file, new byte[] { 0xEE, 0xEE, 0xEE }, 0);
                buffer.WriteTo(file, 3);
            }

            var written = File.ReadAllBytes(_path);
            return buffer.Length == expected.Count && written.AsSpan(3).SequenceEqual(expected.ToArray())
                && buffer.Last(32).SequenceEqual(last.AsSpan(last.Length - Math.Min(32, last.Length)));
        })).Check(Config.QuickThrowOnFailure.WithMaxTest(60));
    }

    [Fact]
    public void A_commit_of_a_few_megabytes_is_kept_in_small_chunks_that_the_next_commit_reuses()
    {
        var buffer = new CommitBuffer();
        for (var i = 0; i < 3_000; i++)
        {
            buffer.Reserve(700);
        }

        var chunks = buffer.Chunks;
        buffer.Reset();
        for (var i = 0; i < 3_000; i++)
        {
            buffer.Reserve(700);
        }

        Assert.InRange(chunks, 33, 34);
        Assert.Equal(chunks, buffer.Chunks);
        Assert.True(CommitBuffer.ChunkSize < 85_000);
    }
}
