using System.Buffers;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Domain.Events;
using TradeFlow.Domain.Serialization;
using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Tests.Serialization;

// The booking's payload is built as raw bytes and handed to the writer in one call (pass engine14). The journal
// chains a hash over these bytes, so they must be exactly what the member-by-member writer (engine8's path, kept as
// the fallback) and the generated serializer write — or the raw path must refuse and write nothing.
public class TradeBookedRawJsonTests
{
    // Every printable ASCII character and a few that are not: the raw path must take only what the encoder keeps as is.
    private static readonly Gen<string> Texts =
        from length in Gen.Choose(0, 12)
        from chars in Gen.ArrayOf(Gen.OneOf(Gen.Choose(32, 126).Select(c => (char)c),
            Gen.Elements('\n', '\u0001', 'é', '\u2028', '€')), length)
        select new string(chars);

    private static readonly Gen<TradeEnrichment> Enrichments =
        from inBase in Gen.OneOf(Gen.Constant<Money?>(null), Gen.Constant<Money?>(new Money(12.5m, Currency.USD)))
        from exposure in Gen.OneOf(Gen.Constant<Money?>(null), TradeBookedWriterValuesTests.Decimals.Select(d => (Money?)new Money(d, Currency.EUR)))
        from limit in Gen.OneOf(Gen.Constant<string?>(null), Texts.Select(t => (string?)t))
        from warnings in Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(Texts, n))
        select new TradeEnrichment(inBase, exposure, limit, [.. warnings]);

    // The values property's histories, each booking given a random enrichment, novation and time of any precision.
    private static readonly Gen<TradeBooked[]> Bookings =
        from history in TradeBookedWriterValuesTests.Histories
        from enrichments in Gen.ArrayOf(Gen.OneOf(Gen.Constant<TradeEnrichment?>(null), Enrichments.Select(e => (TradeEnrichment?)e)), history.Length)
        from novated in Gen.ArrayOf(Gen.Elements<TradeId?>(null, TradeId.FromInt64(7), TradeId.FromInt64(999_999_999_999L)), history.Length)
        from times in Gen.ArrayOf(Times, history.Length)
        select history.Select((b, i) => b with
        {
            Enrichment = i % 2 == 0 ? b.Enrichment : enrichments[i], NovatedFromTradeId = novated[i], EffectiveTime = times[i],
        }).ToArray();

    private static readonly Gen<DateTimeOffset> Times =
        from ticks in Gen.Choose(0, int.MaxValue).Two()
        from precision in Gen.Elements(1L, 10L, 10_000L, TimeSpan.TicksPerSecond)
        from offsetMinutes in Gen.Choose(-14 * 60, 14 * 60)
        let offset = TimeSpan.FromMinutes(offsetMinutes)
        let utc = (((long)ticks.Item1 << 31) | (uint)ticks.Item2) % (DateTime.MaxValue.Ticks - (2 * TimeSpan.TicksPerDay))
        select new DateTimeOffset(new DateTime(utc + TimeSpan.TicksPerDay - (utc % precision)) + offset, offset);

    private static readonly TradeBooked Sample = SampleEvents.All.OfType<TradeBooked>().First();

    private static TradeBookedValueTexts Shared => TradeBookedValueTexts.Shared;

    // Caches of this class's own, far from full: what the raw path takes must not hang on which tests filled the
    // shared caches first.
    private static TradeBookedValueTexts Fresh() => TradeBookedValueTexts.WithCapacity(RepeatedJsonValues<int>.DefaultCapacity);

    [Fact]
    public void A_raw_booking_is_the_writers_and_the_generated_serializers_bytes_or_nothing()
    {
        Prop.ForAll(Bookings.ToArbitrary(), bookings => bookings.All(booked =>
        {
            var (raw, taken) = Raw(booked, Shared);
            // Written: the serializer, which hands a plain booking's raw bytes straight to its output.
            return (taken ? raw == ThroughWriter(booked, Shared) : raw.Length == 0) && Written(booked) == Generated(booked);
        })).Check(Config.QuickThrowOnFailure.WithMaxTest(500));
    }

    [Fact]
    public void Whatever_value_caches_are_full_the_booking_is_the_generated_serializers_bytes()
    {
        // Caches of a few values each fill part-way through a history, one type before another.
        var cases =
            from capacity in Gen.Choose(0, 6)
            from bookings in Bookings
            select (capacity, bookings);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var texts = TradeBookedValueTexts.WithCapacity(c.capacity);
            return c.bookings.All(booked =>
            {
                var (raw, taken) = Raw(booked, texts);
                return (taken ? raw == ThroughWriter(booked, texts) : raw.Length == 0) && Written(booked, texts) == Generated(booked);
            });
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(200));
    }

    [Fact]
    public void A_value_a_full_cache_does_not_hold_sends_the_booking_to_the_writer_with_the_generated_bytes()
    {
        var full = TradeBookedValueTexts.WithCapacity(0);
        var output = new ArrayBufferWriter<byte>();

        Assert.True(Raw(Sample, Fresh()).Taken);
        Assert.False(TradeBookedJsonWriter.TryWriteRaw(output, Sample, full));
        Assert.Equal(0, output.WrittenCount);
        Assert.False(Raw(Sample, full).Taken);
        Assert.Equal(Generated(Sample), Written(Sample, full));
    }

    [Fact]
    public void A_plain_booking_takes_the_raw_path()
    {
        // The sample's repeated values in caches of this test's own with random ids, times, decimals and plain
        // enrichment: nothing the raw path must refuse.
        var texts = Fresh();
        var plain =
            from id in Gen.Choose(1, int.MaxValue)
            from time in Times
            from quantity in TradeBookedWriterValuesTests.Decimals.Where(d => d > 0)
            from notional in TradeBookedWriterValuesTests.Decimals
            from parent in Gen.Elements<TradeId?>(null, TradeId.FromInt64(1))
            from warnings in Gen.Elements(0, 1, 3)
            select Sample with
            {
                TradeId = TradeId.FromInt64(id), EffectiveTime = time, Notional = new Money(notional, Currency.JPY),
                Economics = Sample.Economics with { Quantity = Quantity.Of(quantity) }, ParentTradeId = parent,
                Enrichment = new TradeEnrichment(new Money(notional, Currency.EUR), null, "CL-" + id,
                    [.. Enumerable.Range(0, warnings).Select(w => $"Soft limit (80%) breached: {w}; see [desk]/{id}")]),
            };
        Prop.ForAll(plain.ToArbitrary(), booked =>
        {
            var (raw, taken) = Raw(booked, texts);
            return taken && raw == Generated(booked);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_booking_left_to_the_writer_leaves_the_output_untouched_by_the_raw_attempt()
    {
        var booked = Sample with { Enrichment = new TradeEnrichment(null, null, "A+B", []) };
        var output = new ArrayBufferWriter<byte>();

        Assert.False(TradeBookedJsonWriter.TryWriteRaw(output, booked, Fresh()));
        Assert.Equal(0, output.WrittenCount);
        Assert.Equal(Generated(booked), Written(booked));
    }

    [Fact]
    public void Text_the_encoder_would_escape_is_left_to_the_writer_with_the_same_bytes()
    {
        foreach (var text in new[] { "A+B", "a\"b", "back\\slash", "<tag>", "it's", "R&D", "`", "é", "line\n" })
        {
            var booked = Sample with { Enrichment = new TradeEnrichment(null, null, text, [text]) };

            Assert.False(Raw(booked, Fresh()).Taken);
            Assert.Equal(Generated(booked), Written(booked));
        }
    }

    [Fact]
    public void A_null_warning_is_left_to_the_writer()
    {
        var booked = Sample with { Enrichment = new TradeEnrichment(null, null, null, [null!]) };

        Assert.False(Raw(booked, Fresh()).Taken);
        Assert.Equal(Generated(booked), Written(booked));
    }

    [Fact]
    public void A_booking_up_to_the_buffer_size_is_taken_raw_on_both_paths_and_one_byte_more_on_neither()
    {
        // The journal's output has a 64 KB segment's room, more than the buffer: both paths stop at the same size.
        var texts = Fresh();
        var padding = TradeBookedRawJson.BufferSize - Generated(Padded(0)).Length;
        foreach (var (booked, fits) in new[] { (Padded(padding), true), (Padded(padding + 1), false) })
        {
            var output = new ArrayBufferWriter<byte>(64 * 1024);

            Assert.Equal(fits, TradeBookedJsonWriter.TryWriteRaw(output, booked, texts));
            Assert.Equal(fits ? TradeBookedRawJson.BufferSize : 0, output.WrittenCount);
            Assert.Equal(fits, Raw(booked, texts).Taken);
            Assert.Equal(Generated(booked), Written(booked, texts));
        }

        static TradeBooked Padded(int length) =>
            Sample with { Enrichment = new TradeEnrichment(null, null, "CL-1", [new string('w', length)]) };
    }

    private static (string Json, bool Taken) Raw(TradeBooked booked, TradeBookedValueTexts texts)
    {
        var buffer = new ArrayBufferWriter<byte>();
        bool taken;
        using (var writer = new Utf8JsonWriter(buffer))
        {
            taken = TradeBookedRawJson.TryWrite(writer, booked, booked.Economics, texts);
        }

        return (Encoding.UTF8.GetString(buffer.WrittenSpan), taken);
    }

    private static string ThroughWriter(TradeBooked booked, TradeBookedValueTexts texts)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            TradeBookedJsonWriter.WriteThroughWriter(writer, booked, booked.Economics, texts);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // The serializer's path: the raw bytes if they are taken, else the writer.
    private static string Written(TradeBooked booked) =>
        Encoding.UTF8.GetString(DomainEventSerializer.Instance.SerializeToUtf8Bytes(booked));

    // The same two paths with the repeated values copied from texts.
    private static string Written(TradeBooked booked, TradeBookedValueTexts texts)
    {
        var output = new ArrayBufferWriter<byte>();
        if (!TradeBookedJsonWriter.TryWriteRaw(output, booked, texts))
        {
            using var writer = new Utf8JsonWriter(output);
            Assert.True(TradeBookedJsonWriter.TryWrite(writer, booked, texts));
        }

        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    private static string Generated(TradeBooked booked) =>
        Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(booked, DomainJsonContext.Default.TradeBooked));
}
