using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Engine.Journaling;

namespace TradeFlow.Engine.Tests;

public class PayloadBufferTests
{
    [Fact]
    public void Every_item_of_a_commit_keeps_its_bytes_until_the_reset_across_segments_and_reused_commits()
    {
        // Items of 0–90,000 bytes (some larger than a segment), written in pieces as a serializer does, over 3 commits.
        var items = Gen.Choose(0, 3_000).Select(n => n % 50 == 0 ? n * 30 : n).ListOf().ListOf(3);
        Prop.ForAll(items.ToArbitrary(), commits =>
        {
            var buffer = new PayloadBuffer();
            var seed = 0;
            foreach (var commit in commits)
            {
                var written = new List<(ReadOnlyMemory<byte> Slice, byte[] Expected)>();
                foreach (var length in commit)
                {
                    var expected = Enumerable.Range(seed++, length).Select(i => (byte)(i * 31)).ToArray();
                    buffer.Begin();
                    for (var offset = 0; offset < length; offset += 700)
                    {
                        var piece = Math.Min(700, length - offset);
                        expected.AsSpan(offset, piece).CopyTo(buffer.GetSpan(piece));
                        buffer.Advance(piece);
                    }

                    written.Add((buffer.End(), expected));
                }

                if (!written.All(w => w.Slice.Span.SequenceEqual(w.Expected)))
                {
                    return false;
                }

                buffer.Reset();
            }

            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(30));
    }

    [Fact]
    public void A_commit_larger_than_a_segment_is_written_in_small_segments_reused_by_the_next_commit()
    {
        var buffer = new PayloadBuffer();
        for (var commit = 0; commit < 2; commit++)
        {
            for (var item = 0; item < 1_000; item++)
            {
                buffer.Begin();
                buffer.Advance(buffer.GetSpan(600).Length >= 600 ? 600 : 0);
                Assert.Equal(600, buffer.End().Length);
            }

            buffer.Reset();
        }

        // 600,000 bytes a commit: ten 64 KB segments, allocated in the first commit and reused in the second.
        Assert.InRange(buffer.Segments, 10, 11);
        Assert.True(PayloadBuffer.SegmentSize < 85_000);
    }
}
