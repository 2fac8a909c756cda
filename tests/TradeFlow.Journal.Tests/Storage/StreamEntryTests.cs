using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Journal.Storage;

namespace TradeFlow.Journal.Tests.Storage;

public class StreamEntryTests
{
    [Fact]
    public void Every_version_reads_back_its_position_whatever_the_capacity_and_count()
    {
        var counts = Gen.Choose(0, 40);
        var capacities = Gen.Choose(0, 9);
        Prop.ForAll(counts.ToArbitrary(), capacities.ToArbitrary(), (count, capacity) =>
        {
            var entry = new StreamEntry("trade-T1", capacity);
            var expected = Enumerable.Range(0, count).Select(i => 100L + (i * 7L)).ToArray();
            foreach (var position in expected)
            {
                entry.Add(position);
            }

            var read = Enumerable.Range(0, count).Select(v => entry.PositionAt(v)).ToArray();
            return expected.SequenceEqual(read)
                && expected.SequenceEqual(entry.Positions.ToArray())
                && entry.Version == count - 1;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void The_version_at_a_head_leaves_out_the_positions_written_after_it()
    {
        Prop.ForAll(Gen.Choose(0, 12).ToArbitrary(), Gen.Choose(-1, 200).ToArbitrary(), (count, head) =>
        {
            var entry = new StreamEntry("trade-T1");
            for (var i = 0; i < count; i++)
            {
                entry.Add(10L * (i + 1));
            }

            // Positions 10, 20, …: the versions at or before the head are those with 10·(v+1) ≤ head.
            var expected = Math.Min(count, Math.Max(head, 0) / 10) - 1L;
            return entry.VersionAt(head) == expected;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Reading_a_version_that_was_not_written_is_refused()
    {
        var entry = new StreamEntry("trade-T1");
        entry.Add(5);

        Assert.Equal(5, entry.PositionAt(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => entry.PositionAt(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => entry.PositionAt(-1));
    }

    [Fact]
    public void Indexing_a_new_streams_first_event_allocates_nothing()
    {
        var entry = new StreamEntry("trade-T1");
        entry.Add(1); // JIT the method outside the measured window
        var fresh = new StreamEntry("trade-T2");

        var before = GC.GetAllocatedBytesForCurrentThread();
        fresh.Add(42);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(42, fresh.PositionAt(0));
    }
}
