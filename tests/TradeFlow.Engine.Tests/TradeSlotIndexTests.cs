using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Domain.Values;
using TradeFlow.Engine.Decisions;

namespace TradeFlow.Engine.Tests;

public class TradeSlotIndexTests
{
    [Fact]
    public void Every_indexed_id_finds_its_slot_and_no_other_id_is_found_dense_or_not()
    {
        // Mostly the engine's dense sequence, some ids far beyond it (another journal's, a test's), up to the maximum.
        var ids = Gen.Frequency(
            (8, Gen.Choose(1, 20_000).Select(n => (long)n)),
            (1, Gen.Choose(0, 1000).Select(n => (1L << 28) - 500 + n)),
            (1, Gen.Choose(0, 1000).Select(n => TradeId.MaxValue - n)));
        Prop.ForAll(ids.ListOf().ToArbitrary(), list =>
        {
            // Sized up front for none, some or all of the dense ids (EngineOptions.ExpectedTrades): the same answers.
            var index = new TradeSlotIndex((list.Count % 3) * 10_000);
            var expected = new Dictionary<long, int>();
            foreach (var id in list.Take(list.Count / 2))
            {
                if (!expected.ContainsKey(id))
                {
                    index.Add(TradeId.FromInt64(id), expected.Count);
                    expected[id] = expected.Count;
                }
            }

            return index.Count == expected.Count
                && list.All(id => index.TryGet(TradeId.FromInt64(id), out var slot)
                    ? expected.TryGetValue(id, out var want) && want == slot
                    : !expected.ContainsKey(id))
                && !index.TryGet(default, out _);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Indexing_an_id_twice_is_refused()
    {
        var index = new TradeSlotIndex();
        index.Add(TradeId.First, 0);

        Assert.Throws<ArgumentException>(() => index.Add(TradeId.First, 1));
        Assert.True(index.TryGet(TradeId.First, out var slot));
        Assert.Equal(0, slot);
    }

    [Fact]
    public void Booking_the_next_id_of_the_sequence_allocates_nothing_once_its_chunk_exists()
    {
        var index = new TradeSlotIndex();
        index.Add(TradeId.First, 0); // allocates the first chunk; also JITs Add outside the measured window
        index.TryGet(TradeId.First, out _);
        var ids = Enumerable.Range(1, 1000).Select(n => TradeId.FromInt64(n)).ToArray(); // FromInt64 boxes its check's argument

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 1; i < ids.Length; i++)
        {
            index.Add(ids[i], i);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(index.TryGet(TradeId.FromInt64(1000), out var slot));
        Assert.Equal(999, slot);
    }
}
