using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Engine.Decisions;

namespace TradeFlow.Engine.Tests;

// The chunked outcome map must answer as the Dictionary<string, RecordedOutcome> it replaced, across chunk boundaries
// and bucket rebuilds, and when many keys share a hash (the map is told the hash, so a test can force collisions).
public sealed class OutcomeMapTests
{
    [Fact]
    public void The_outcome_map_answers_like_a_dictionary_with_colliding_hashes_across_chunks_and_rebuilds()
    {
        // Keys from a small space, so lookups hit and miss and a key is set again; hashes folded to 8 or 64 values (or not).
        // FsCheck draws the fold, a seed and a length (past a chunk of 2,048 entries); the steps come from the seed, as
        // drawing thousands of tuples through FsCheck would take seconds.
        var runs = from mask in Gen.Elements(7, 63, -1) from seed in Gen.Choose(0, int.MaxValue) from count in Gen.Choose(100, 30_000)
                   from capacity in Gen.Elements(0, 1_000, 20_000)
                   select (mask, seed, count, capacity);
        Prop.ForAll(runs.ToArbitrary(), run =>
        {
            var map = new OutcomeMap(run.capacity);
            var reference = new Dictionary<string, RecordedOutcome>(StringComparer.Ordinal);
            var random = new Random(run.seed);
            for (var step = 0; step < run.count; step++)
            {
                var key = "K" + random.Next(20_000);
                var hash = OutcomeMap.HashOf(key) & run.mask;
                if (random.Next(2) == 0)
                {
                    var found = map.TryGet(key, hash, out var outcome);
                    Assert.Equal(reference.TryGetValue(key, out var expected), found);
                    Assert.Equal(expected.ToOutcome(), found ? outcome.ToOutcome() : default(RecordedOutcome).ToOutcome());
                }
                else
                {
                    var value = RecordedOutcome.Of(CommandOutcome.Accepted(TradeId.FromInt64(random.Next(1, 1_000))));
                    map.Set(key, hash, value);
                    reference[key] = value;
                }
            }

            Assert.Equal(reference.Count, map.Count);
            Assert.Equal(reference.Select(kv => (kv.Key, kv.Value.ToOutcome())), map.Entries.Select(kv => (kv.Key, kv.Value.ToOutcome())));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(30));
    }

    [Fact]
    public void Every_key_is_found_after_the_buckets_span_several_chunks()
    {
        // 70,000 keys: the buckets double to 131,072, eight chunks of 16,384, and the entries fill 35 chunks.
        var map = new OutcomeMap();
        const int count = 70_000;
        for (var i = 0; i < count; i++)
        {
            var key = "FIX:CLIENT1:" + i;
            map.Set(key, OutcomeMap.HashOf(key), RecordedOutcome.Of(CommandOutcome.Accepted(TradeId.FromInt64(i + 1))));
        }

        Assert.Equal(count, map.Count);
        for (var i = 0; i < count; i++)
        {
            var key = "FIX:CLIENT1:" + i;
            Assert.True(map.TryGet(key, OutcomeMap.HashOf(key), out var outcome), key);
            Assert.Equal(TradeId.FromInt64(i + 1), outcome.ToOutcome().TradeId);
            Assert.False(map.TryGet("FIX:CLIENT2:" + i, OutcomeMap.HashOf("FIX:CLIENT2:" + i), out _));
        }
    }

    [Fact]
    public void A_rejection_recorded_in_the_outcome_map_comes_back_with_its_reasons_and_warnings()
    {
        var map = new OutcomeMap();
        var rejected = CommandOutcome.Rejected(TradeId.FromInt64(9), [new RejectionReason(RejectionCode.WashTrade, "mirror")], ["soft"]);
        map.Set("FIX:1", OutcomeMap.HashOf("FIX:1"), RecordedOutcome.Of(rejected));

        Assert.True(map.TryGet("FIX:1", OutcomeMap.HashOf("FIX:1"), out var found));
        Assert.Equal(rejected, found.ToOutcome());
        Assert.Equal(rejected.Reasons, found.ToOutcome().Reasons);
        Assert.Equal(rejected.Warnings, found.ToOutcome().Warnings);
        Assert.False(map.TryGet("FIX:2", OutcomeMap.HashOf("FIX:2"), out _));
    }
}
