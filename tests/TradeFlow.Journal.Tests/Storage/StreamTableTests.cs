using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Journal.Storage;

namespace TradeFlow.Journal.Tests.Storage;

public class StreamTableTests
{
    [Fact]
    public void Every_added_stream_is_found_by_name_and_no_other_name_is()
    {
        var names = Gen.Elements("trade-", "rejections-", "limit-", "x").SelectMany(prefix =>
            Gen.Choose(0, 5000).Select(n => prefix + n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Prop.ForAll(names.ListOf().ToArbitrary(), Gen.Choose(0, 300).ToArbitrary(), (list, reserved) =>
        {
            var table = new StreamTable(reserved);
            var added = new Dictionary<string, StreamEntry>(StringComparer.Ordinal);
            foreach (var name in list.Take(list.Count / 2))
            {
                if (table.Find(name) is null)
                {
                    var entry = new StreamEntry(name);
                    table.Add(entry);
                    added[name] = entry;
                }
            }

            return added.All(kv => ReferenceEquals(table.Find(kv.Key), kv.Value)
                    && ReferenceEquals(table.Find(kv.Key.AsSpan()), kv.Value))
                && list.Where(n => !added.ContainsKey(n)).All(n => table.Find(n) is null)
                && table.Count == added.Count
                && table.Entries.OrderBy(e => e.Name, StringComparer.Ordinal).SequenceEqual(
                    added.Values.OrderBy(e => e.Name, StringComparer.Ordinal));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_stream_added_with_the_hash_its_failed_lookup_gave_is_found_exactly_as_one_added_by_name()
    {
        var names = Gen.Elements("trade-", "rejections-", "x").SelectMany(prefix =>
            Gen.Choose(0, 3000).Select(n => prefix + n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Prop.ForAll(names.ListOf().ToArbitrary(), Gen.Choose(0, 300).ToArbitrary(), (list, reserved) =>
        {
            // The writer's path (Find with the hash, then Add with it) against the table's own hashing, name by name.
            var carried = new StreamTable(reserved);
            var hashed = new StreamTable(reserved);
            foreach (var name in list)
            {
                var found = carried.Find(name, out var hash);
                if (hash != StreamTable.HashOf(name) || (found is null) != (hashed.Find(name) is null))
                {
                    return false;
                }

                if (found is null)
                {
                    carried.Add(new StreamEntry(name), hash);
                    hashed.Add(new StreamEntry(name));
                }
            }

            return carried.Count == hashed.Count
                && list.All(n => carried.Find(n)?.Name == n && carried.Find(n.AsSpan(), out _)?.Name == n)
                && carried.Find("absent-stream") is null;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_reader_finds_every_stream_published_before_it_looked_while_the_writer_keeps_growing_the_table()
    {
        const int Streams = 50_000;
        var table = new StreamTable();
        var names = Enumerable.Range(0, Streams).Select(i => "trade-T" + i.ToString("D12", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var published = 0;
        var missed = -1;
        var reader = new Thread(() =>
        {
            var checks = 0;
            while (Volatile.Read(ref published) < Streams && checks++ < 10_000_000)
            {
                // Acquire the count first, as a journal reader acquires the head: every stream below it must be there.
                var upTo = Volatile.Read(ref published);
                if (upTo > 0 && table.Find(names[upTo - 1]) is null)
                {
                    missed = upTo - 1;
                    return;
                }
            }
        });
        reader.Start();
        for (var i = 0; i < Streams; i++)
        {
            table.Add(new StreamEntry(names[i]));
            Volatile.Write(ref published, i + 1);
        }

        Assert.True(reader.Join(TimeSpan.FromSeconds(30)));
        Assert.Equal(-1, missed);
        Assert.Equal(Streams, table.Count);
    }

    [Fact]
    public void Every_stream_is_found_once_the_slots_span_many_chunks_and_through_every_growth()
    {
        // 3,000–20,000 streams: 2 to 16 chunks of slots, reserved or grown from empty, checked after every doubling.
        Prop.ForAll(Gen.Choose(3_000, 20_000).ToArbitrary(), Gen.Elements(0, 100, 5_000, 30_000).ToArbitrary(), (streams, reserved) =>
        {
            var table = new StreamTable(reserved);
            var names = Enumerable.Range(0, streams).Select(i => "trade-T" + i.ToString("D9", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            var chunks = table.Chunks;
            for (var i = 0; i < names.Length; i++)
            {
                table.Add(new StreamEntry(names[i]));
                if (table.Chunks != chunks)
                {
                    chunks = table.Chunks;
                    if (!names.Take(i + 1).All(n => table.Find(n)?.Name == n))
                    {
                        return false;
                    }
                }
            }

            return table.Chunks > 1
                && names.All(n => table.Find(n)?.Name == n && table.Find(n.AsSpan(), out _)?.Name == n)
                && table.Find("trade-T" + streams.ToString("D9", System.Globalization.CultureInfo.InvariantCulture)) is null
                && table.Entries.Count() == streams;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(20));
    }

    [Fact]
    public void A_chunk_of_slots_is_a_small_object_however_large_the_table()
    {
        var table = new StreamTable(100_000);
        Assert.True(StreamTable.ChunkBytes < 85_000);
        Assert.True(table.Chunks >= 64);
        // A large object is born in gen2; a small one in gen0 (gen1 if another test's collection promoted it since).
        Assert.True(GC.GetGeneration(table.ChunkAt(table.Chunks - 1)) < 2);
    }

    [Fact]
    public void Reserving_grows_a_table_that_holds_streams_keeps_every_one_found_and_adding_up_to_the_reservation_never_grows_it()
    {
        // Streams already there (0–6,000), then a reservation (0–20,000) — below, at or above what the table holds.
        Prop.ForAll(Gen.Choose(0, 6_000).ToArbitrary(), Gen.Choose(0, 20_000).ToArbitrary(), (before, reserved) =>
        {
            var table = new StreamTable();
            var names = Enumerable.Range(0, Math.Max(before, reserved)).Select(i => "trade-T" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            foreach (var name in names.Take(before))
            {
                table.Add(new StreamEntry(name));
            }

            // Any growth builds every chunk anew, so the first chunk's identity says whether the table was rebuilt.
            var firstChunk = table.ChunkAt(0);
            table.Reserve(reserved);
            var untouchedWhenSmaller = reserved > before || ReferenceEquals(firstChunk, table.ChunkAt(0));
            var foundAfterReserve = names.Take(before).All(n => table.Find(n)?.Name == n);
            var reservedChunk = table.ChunkAt(0);
            foreach (var name in names.Skip(before))
            {
                table.Add(new StreamEntry(name));
            }

            return untouchedWhenSmaller && foundAfterReserve
                && ReferenceEquals(reservedChunk, table.ChunkAt(0))
                && names.All(n => table.Find(n)?.Name == n)
                && table.Count == names.Length;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(40));
    }
}
