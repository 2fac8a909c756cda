using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Domain.Events;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Serialization;
using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Tests.Serialization;

// The hand-written TradeBooked writer must be byte-for-byte the generated one: stored events are compared,
// hashed and chained, so "equivalent JSON" is not enough.
public class TradeBookedFastPathTests
{
    private static readonly Gen<decimal> Amounts =
        from units in Gen.Choose(0, 1_000_000)
        from fraction in Gen.Choose(0, 999_999)
        from scale in Gen.Choose(0, 8)
        select decimal.Round(units * 1_000m + fraction / 1_000_000m, scale);

    private static readonly Gen<Money> Monies =
        from amount in Amounts
        from currency in Gen.Elements(Currency.All.ToArray())
        select new Money(amount, currency);

    private static readonly Gen<TradeId?> OptionalIds =
        Gen.OneOf(Gen.Constant<TradeId?>(null), Gen.Choose(1, int.MaxValue).Select(i => (TradeId?)TradeId.FromInt64(i)));

    // Warnings with characters the default encoder escapes (quotes, apostrophes, <, &, non-ASCII).
    private static readonly Gen<string> Warnings = Gen.Elements(
        "Soft limit CL-784F at 82%", "It's \"close\" <to> the band & more", "Überschreitung – 5 €", "tab\there", "");

    private static readonly Gen<TradeEnrichment?> Enrichments =
        from present in Gen.Elements(true, true, false)
        from inBase in Gen.OneOf(Gen.Constant<Money?>(null), Monies.Select(m => (Money?)m))
        from exposure in Gen.OneOf(Gen.Constant<Money?>(null), Monies.Select(m => (Money?)m))
        from limit in Gen.Elements<string?>(null, "CL-0", "CL-\"quoted\"", "Limite n°7")
        from warnings in Gen.ListOf(Warnings).Select(w => w.Take(3).ToImmutableArray())
        select present ? new TradeEnrichment(inBase, exposure, limit, warnings) : null;

    private static readonly Gen<TradeBooked> Bookings =
        from id in Gen.Choose(1, int.MaxValue)
        from offsetMinutes in Gen.Elements(0, 60, -300, 330)
        from ticks in Gen.Choose(0, int.MaxValue)
        from side in Gen.Elements(Side.Buy, Side.Sell)
        from quantity in Amounts.Where(a => a > 0)
        from price in Amounts
        from assetClass in Gen.Elements(Enum.GetValues<AssetClass>())
        from notional in Monies
        from parent in OptionalIds
        from novated in OptionalIds
        from enrichment in Enrichments
        select new TradeBooked(TradeId.FromInt64(id),
            new DateTimeOffset(2025, 3, 14, 0, 0, 0, TimeSpan.FromMinutes(offsetMinutes)).AddTicks(ticks * 1_000L + ticks % 7),
            SampleEvents.Economics with { Side = side, Quantity = Quantity.Of(quantity), Price = Price.Of(price) },
            assetClass, notional, parent, novated, enrichment);

    [Fact]
    public void The_fast_TradeBooked_writer_writes_the_same_bytes_as_the_generated_serializer()
    {
        Prop.ForAll(Bookings.ToArbitrary(), booked => Fast(booked) == Generated(booked))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void The_serializer_writes_a_booking_with_the_same_bytes_as_the_generated_serializer()
    {
        var booked = (TradeBooked)SampleEvents.All[0];

        Assert.Equal(Generated(booked), Encoding.UTF8.GetString(DomainEventSerializer.Instance.SerializeToUtf8Bytes(booked)));
    }

    [Fact]
    public void A_booking_with_an_undefined_side_is_left_to_the_generated_serializer()
    {
        var booked = (TradeBooked)SampleEvents.All[0] with { Economics = SampleEvents.Economics with { Side = (Side)99 } };
        var buffer = new ArrayBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(buffer);

        Assert.False(TradeBookedJsonWriter.TryWrite(writer, booked));
        writer.Flush();
        Assert.Equal(0, buffer.WrittenCount);
        Assert.Equal(Generated(booked), Encoding.UTF8.GetString(DomainEventSerializer.Instance.SerializeToUtf8Bytes(booked)));
    }

    [Fact]
    public void Serializing_a_booking_after_warm_up_allocates_nothing()
    {
        var booked = (TradeBooked)SampleEvents.All[0];
        var buffer = new ArrayBufferWriter<byte>(4096);
        DomainEventSerializer.Instance.Serialize(booked, buffer);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            buffer.ResetWrittenCount();
            DomainEventSerializer.Instance.Serialize(booked, buffer);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static string Fast(TradeBooked booked)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Assert.True(TradeBookedJsonWriter.TryWrite(writer, booked));
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Generated(TradeBooked booked)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            JsonSerializer.Serialize(writer, booked, DomainJsonContext.Default.TradeBooked);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
