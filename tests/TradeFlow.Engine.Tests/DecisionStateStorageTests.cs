using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Engine.Decisions;
using TradeFlow.Engine.Tests.Support;

namespace TradeFlow.Engine.Tests;

// The decision state's compact storage must decide exactly as the plain collections it replaced: the wash
// window against the queue-every-booking original, the trade table as an id → value map across chunks.
public sealed class DecisionStateStorageTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 14, 14, 30, 0, TimeSpan.Zero);
    private static readonly TraderId Trader = TraderId.Parse("JSMITH");
    private static readonly InstrumentId Apple = InstrumentId.Parse("US0378331005");

    [Fact]
    public void The_wash_window_matches_the_latest_mirror_booking_while_it_is_within_the_window_of_the_horizon()
    {
        // Few keys and few distinct times, so repeats at one time, back-dated times and expiry all happen. The
        // model keeps every booking; the window must answer as it does however lazily it reclaims memory.
        var records =
            from key in Gen.Choose(0, 3)
            from side in Gen.Elements(Side.Buy, Side.Sell)
            from second in Gen.Choose(0, 12)
            select (key, side, second);

        Prop.ForAll(Gen.ListOf(records, 60).ToArbitrary(), steps =>
        {
            var window = new WashTradeWindow(TimeSpan.FromSeconds(4));
            var model = new WashWindowModel(TimeSpan.FromSeconds(4));
            var trade = TradeId.First;
            foreach (var (key, side, second) in steps)
            {
                var wash = Key(key, side);
                var time = Start.AddSeconds(second);
                var found = window.TryFindMirror(wash, time, out var mirror);
                var expected = model.TryFindMirror(wash, time, out var expectedMirror);
                if (found != expected || mirror != expectedMirror)
                {
                    return false;
                }

                window.Record(wash, time, trade);
                model.Record(wash, time, trade);
                trade = trade.Next();
                if (!window.Entries.OrderBy(e => e.Key.GetHashCode()).SequenceEqual(model.Entries.OrderBy(e => e.Key.GetHashCode())))
                {
                    return false;
                }
            }

            // Memory is reclaimed, not only hidden: a booking a whole window past everything leaves one key held.
            window.Record(Key(0, Side.Buy), Start.AddSeconds(60), trade);
            return window.HeldCount == 1;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(1_000));
    }

    [Fact]
    public void A_booking_further_behind_the_horizon_than_the_window_is_not_matched_even_by_a_back_dated_mirror()
    {
        var window = new WashTradeWindow(TimeSpan.FromSeconds(4));
        var buy = Key(0, Side.Buy);
        window.Record(buy, Start, TradeId.FromInt64(1));
        window.Record(Key(1, Side.Buy), Start.AddSeconds(10), TradeId.FromInt64(2));

        Assert.False(window.TryFindMirror(buy.Mirror, Start.AddSeconds(2), out _));
    }

    [Fact]
    public void A_key_booked_again_at_its_time_after_that_time_left_the_window_is_not_matched()
    {
        // The case where the queue-every-booking original answered by where its entries happened to sit: the key
        // is reclaimed, booked again at the same (now expired) time, and must not match while that time stays
        // behind the horizon.
        var window = new WashTradeWindow(TimeSpan.FromSeconds(4));
        var buy = Key(0, Side.Buy);
        window.Record(buy, Start.AddSeconds(1), TradeId.FromInt64(1));
        window.Record(Key(1, Side.Buy), Start.AddSeconds(3), TradeId.FromInt64(2));
        window.Record(buy, Start.AddSeconds(1), TradeId.FromInt64(3));
        window.Record(Key(2, Side.Buy), Start.AddSeconds(6), TradeId.FromInt64(4));
        window.Record(buy, Start.AddSeconds(1), TradeId.FromInt64(5));

        Assert.False(window.TryFindMirror(buy.Mirror, Start.AddSeconds(2), out _));
        Assert.DoesNotContain(window.Entries, e => e.Key == buy);
        Assert.True(window.TryFindMirror(Key(1, Side.Sell), Start.AddSeconds(5), out var mirror));
        Assert.Equal(TradeId.FromInt64(2), mirror);
    }

    [Fact]
    public void A_repeated_booking_at_one_time_expires_with_the_window_and_names_the_latest_trade()
    {
        var window = new WashTradeWindow(TimeSpan.FromMinutes(1));
        var buy = Key(0, Side.Buy);
        window.Record(buy, Start, TradeId.FromInt64(1));
        window.Record(buy, Start, TradeId.FromInt64(2));

        Assert.True(window.TryFindMirror(buy.Mirror, Start.AddSeconds(30), out var mirror));
        Assert.Equal(TradeId.FromInt64(2), mirror);

        window.Record(Key(1, Side.Buy), Start.AddMinutes(2), TradeId.FromInt64(3));
        Assert.False(window.TryFindMirror(buy.Mirror, Start.AddMinutes(2), out _));
        Assert.DoesNotContain(window.Entries, e => e.Key == buy);
        Assert.Equal(1, window.HeldCount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_000)]
    [InlineData(30_000)]
    public void The_trade_table_finds_and_replaces_every_trade_across_chunks(int capacity)
    {
        // Sized up front (EngineOptions.ExpectedTrades) below, within and past what is added: the same answers.
        var table = new LiveTradeTable(capacity);
        const int count = 3_000;
        for (var i = 1; i <= count; i++)
        {
            table.Add(TradeId.FromInt64(i * 7), Booked(i * 7, "trade-" + i));
        }

        ref var middle = ref table.Find(TradeId.FromInt64(1_500 * 7));
        middle = Booked(1_500 * 7, "replaced");

        Assert.Equal(count, table.Count);
        Assert.True(table.TryGet(TradeId.FromInt64(2_999 * 7), out var late));
        Assert.Equal("trade-2999", late.Stream);
        Assert.True(table.TryGet(TradeId.FromInt64(1_500 * 7), out var replaced));
        Assert.Equal("replaced", replaced.Stream);
        Assert.False(table.TryGet(TradeId.FromInt64(5), out _));
        Assert.True(System.Runtime.CompilerServices.Unsafe.IsNullRef(ref table.Find(TradeId.FromInt64(5))));
        Assert.Equal(Enumerable.Range(1, count).Select(i => "trade-" + i).Where(s => s != "trade-1500"),
            table.Values.Select(t => t.Stream).Where(s => s != "replaced"));
        Assert.Throws<ArgumentException>(() => table.Add(TradeId.FromInt64(7), default));
    }

    [Fact]
    public void A_live_trade_is_stored_in_80_bytes_and_the_tables_chunks_stay_off_the_large_object_heap()
    {
        // The table's chunks hold the values inline: every byte here is paid once per trade ever booked (80, with no
        // Trade object behind a trade as booked, where it was 64 plus a ~110-byte Trade). A chunk must be a small
        // object: large ones are charged to the large-object budget, whose exhaustion forces a gen2 collection.
        // The chunks checked are the table's own — sized up front (as EngineOptions.ExpectedTrades does) and grown by a
        // booking past that size — by their size, which is what sends an array to the large-object heap (85,000 bytes,
        // header included). Not by GC.GetGeneration: a small chunk reads 2 once two collections (another test class's, in
        // parallel) promoted it, so that check could fail on a sound table.
        Assert.Equal(80, System.Runtime.CompilerServices.Unsafe.SizeOf<LiveTrade>());
        var state = new DecisionState(EngineHistory.DemoWithSterlingLimit(), TimeSpan.FromMinutes(5), 3 * LiveTradeTable.ChunkSize);
        var sized = state.TradeTable;
        Assert.Equal(3, sized.Chunks);
        Assert.All(Enumerable.Range(0, sized.Chunks), c => AssertSmallObject(sized.ChunkAt(c), $"sized chunk {c}"));

        var table = new LiveTradeTable();
        for (var i = 1; i <= LiveTradeTable.ChunkSize + 1; i++)
        {
            table.Add(TradeId.FromInt64(i), default);
        }

        Assert.Equal(2, table.Chunks);
        AssertSmallObject(table.ChunkAt(1), "a chunk the table grew by");
    }

    [Fact]
    public void The_outcome_maps_own_entry_and_bucket_chunks_stay_off_the_large_object_heap_as_it_grows()
    {
        // Past one bucket chunk (16,384 buckets) the map rebuilds its buckets as several chunks; each must be a small
        // object, as must the entry chunks, sized up front or grown. Checked by size, on the map's own arrays.
        var sized = new DecisionState(EngineHistory.DemoWithSterlingLimit(), TimeSpan.FromMinutes(5), 100_000).OutcomeTable;
        Assert.True(sized.BucketChunks > 1);
        Assert.All(Enumerable.Range(0, sized.BucketChunks), c => AssertSmallObject(sized.BucketChunkAt(c), $"sized bucket chunk {c}"));
        Assert.All(Enumerable.Range(0, sized.EntryChunks), c => AssertSmallObject(sized.EntryChunkAt(c), $"sized entry chunk {c}"));

        var map = new OutcomeMap();
        var keys = Enumerable.Range(0, OutcomeMap.BucketChunkSize + 1).Select(i => "key-" + i).ToArray();
        var outcome = RecordedOutcome.Of(CommandOutcome.Accepted(TradeId.First));
        foreach (var key in keys)
        {
            map.Set(key, OutcomeMap.HashOf(key), outcome);
        }

        Assert.Equal(2, map.BucketChunks);
        AssertSmallObject(map.BucketChunkAt(1), "a bucket chunk of the map's latest rebuild");
        Assert.True(map.EntryChunks > 1);
        AssertSmallObject(map.EntryChunkAt(map.EntryChunks - 1), "an entry chunk the map grew by");
    }

    // An array goes to the large-object heap when its object (24-byte header and length, then the elements) is 85,000
    // bytes or more; the element size is the runtime's (Unsafe.SizeOf), the map's private entry struct included.
    private static void AssertSmallObject(Array chunk, string what)
    {
        var element = chunk.GetType().GetElementType()!;
        var size = (int)typeof(System.Runtime.CompilerServices.Unsafe).GetMethod(nameof(System.Runtime.CompilerServices.Unsafe.SizeOf))!
            .MakeGenericMethod(element).Invoke(null, null)!;
        var bytes = 24L + (long)chunk.Length * size;
        Assert.True(bytes < 85_000, $"{what}: {chunk.Length} × {size} B = {bytes} B");
    }

    [Fact]
    public void A_trade_kept_as_booked_reads_as_its_folded_state_until_an_event_replaces_it()
    {
        var booked = Booked(42, "trade-T000000000042");
        var state = booked.State;

        Assert.Equal((TradeId.FromInt64(42), 1, TradeStatus.Booked), (state.Id, state.Version, state.Status));
        Assert.Equal((state.Version, state.Status, state.Economics), (booked.Version, booked.Status, booked.Economics));
        Assert.Equal(state, booked.State);

        var applied = state.Apply(new Domain.Events.TradeConfirmed(state.Id, Start, "C-1"));
        var confirmed = booked.With(applied, booked.Exposure);

        Assert.Equal((2, true), (confirmed.Version, confirmed.State.IsConfirmed));
        Assert.Same(applied, confirmed.State);
        Assert.Equal(("trade-T000000000042", TradeId.FromInt64(42)), (confirmed.Stream, confirmed.Id));
    }

    [Fact]
    public void A_recorded_outcome_gives_back_the_outcome_it_keeps()
    {
        var id = TradeId.FromInt64(42);
        CommandOutcome[] outcomes =
        [
            CommandOutcome.Accepted(id),
            CommandOutcome.Accepted(id, ["Soft credit limit CL-1 exceeded"]),
            CommandOutcome.Rejected(id, [new RejectionReason(RejectionCode.WashTrade, "Possible wash trade")], ["a warning"]),
            CommandOutcome.Rejected(default, [new RejectionReason(RejectionCode.InvalidCommand, "no reason given")]),
        ];

        foreach (var outcome in outcomes)
        {
            Assert.Equal(outcome, RecordedOutcome.Of(outcome).ToOutcome());
        }

        Assert.Throws<ArgumentException>(() => RecordedOutcome.Of(CommandOutcome.Failed("store down")));
    }

    private static LiveTrade Booked(long id, string stream) => LiveTrade.AsBooked(TradeId.FromInt64(id),
        new TradeEconomics(Apple, Side.Buy, Quantity.Of(10m), Price.Of(100m), CounterpartyId.Parse("5493001KJTIIGC8Y1R12"),
            BookId.Parse("EQ-NY"), Trader, new BusinessDate(2025, 3, 14), new BusinessDate(2025, 3, 17)),
        Domain.ReferenceData.AssetClass.CashEquity, stream, default);

    private static WashKey Key(int key, Side side) => new(Trader, Apple, side, Price.Of(100m + key), Quantity.Of(10m));

    // The rule, kept naively: every booking, the latest per key in booking order, and the horizon.
    private sealed class WashWindowModel(TimeSpan window)
    {
        private readonly List<(WashKey Key, DateTimeOffset Time, TradeId Trade)> _bookings = [];
        private DateTimeOffset _horizon = DateTimeOffset.MinValue;

        public IEnumerable<KeyValuePair<WashKey, (DateTimeOffset Time, TradeId Trade)>> Entries =>
            _bookings.GroupBy(b => b.Key)
                .Select(g => g.Last())
                .Where(b => _horizon - b.Time <= window)
                .Select(b => KeyValuePair.Create(b.Key, (b.Time, b.Trade)));

        public bool TryFindMirror(WashKey key, DateTimeOffset time, out TradeId mirror)
        {
            var latest = _bookings.FindLast(b => b.Key == key.Mirror);
            if (latest.Trade != default && _horizon - latest.Time <= window && (time - latest.Time).Duration() <= window)
            {
                mirror = latest.Trade;
                return true;
            }

            mirror = default;
            return false;
        }

        public void Record(WashKey key, DateTimeOffset time, TradeId trade)
        {
            _bookings.Add((key, time, trade));
            if (time > _horizon)
            {
                _horizon = time;
            }
        }
    }
}
