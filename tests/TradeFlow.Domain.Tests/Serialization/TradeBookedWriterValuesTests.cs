using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Domain.Events;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Serialization;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Tests.Serialization;

// The booking writer copies the bytes of repeated values (RepeatedJsonValue) and writes ids and decimals straight to
// UTF-8 (AsciiJsonValue). The journal chains a hash over these bytes, so they must be the generated serializer's
// exactly, for every id, date, decimal and currency — not only the sample economics the other property varies.
public class TradeBookedWriterValuesTests
{
    private static readonly char[] Alphanumerics = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".ToCharArray();

    // The repeated values come from fixed pools: the writers' value caches are static, shared by every test in the
    // process and bounded (RepeatedJsonValue.Capacity), and fresh values drawn on every run would fill them in an
    // order that depends on which tests ran first. The full-cache fallback is tested on its own caches instead
    // (TradeBookedRawJsonTests).
    private const int PoolSize = 256;

    private static readonly Gen<CounterpartyId> Leis = Pool(
        from prefix in Gen.ArrayOf(Gen.Elements(Alphanumerics), 18)
        select CounterpartyId.Parse(new string(prefix) + CounterpartyId.ComputeCheckDigits(new string(prefix))));

    private static readonly Gen<InstrumentId> Instruments = Pool(Gen.OneOf(
        from prefix in Gen.ArrayOf(Gen.Elements(Alphanumerics), 9)
        from country in Gen.Elements("US", "GB", "DE", "FR", "JP")
        let isin = country + new string(prefix)
        select InstrumentId.Parse(isin + InstrumentId.ComputeIsinCheckDigit(isin)),
        from pair in Gen.Elements(Currency.All.ToArray()).Two().Where(p => p.Item1 != p.Item2)
        select InstrumentId.FxPair(pair.Item1, pair.Item2)));

    private static readonly Gen<string> Codes = Pool(
        from length in Gen.Choose(1, 12)
        from chars in Gen.ArrayOf(Gen.Elements("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_".ToCharArray()), length)
        select new string(chars));

    internal static readonly Gen<decimal> Decimals = Gen.OneOf(
        from units in Gen.Choose(-1_000_000, 1_000_000)
        from fraction in Gen.Choose(0, 999_999)
        from scale in Gen.Choose(0, 10)
        select decimal.Round(units * 1_000m + fraction / 1_000_000m, scale),
        Gen.Elements(decimal.MaxValue, decimal.MinValue, 0m, 0.0000000000000000000000000001m, -0.5m, 1.000m));

    private static readonly Gen<Money> Monies =
        from amount in Decimals
        from currency in Gen.Elements(Currency.All.ToArray())
        select new Money(amount, currency);

    // 64 dates: the first and last day numbers and 62 between.
    private static readonly Gen<BusinessDate> Dates = Gen.Elements(
        [.. Gen.Sample(Gen.Choose(0, 3_652_058), 20, new Rnd(14), 62).Append(0).Append(3_652_058).Select(BusinessDate.FromDayNumber)]);

    private static readonly Gen<TradeId> TradeIds = Gen.OneOf(
        Gen.Choose(1, int.MaxValue).Select(i => TradeId.FromInt64(i)),
        Gen.Elements(999_999_999_999L, 100_000_000_000L, 1L).Select(TradeId.FromInt64));

    private static readonly Gen<TradeEconomics> Economics =
        from instrument in Instruments
        from side in Gen.Elements(Side.Buy, Side.Sell)
        from quantity in Decimals.Where(d => d > 0)
        from price in Decimals.Where(d => d > 0)
        from counterparty in Leis
        from book in Codes
        from trader in Codes
        from tradeDate in Dates
        from settlementDate in Dates
        select SampleEvents.Economics with
        {
            Instrument = instrument, Side = side, Quantity = Quantity.Of(quantity), Price = Price.Of(price),
            Counterparty = counterparty, Book = BookId.Parse(book), Trader = TraderId.Parse(trader),
            TradeDate = tradeDate, SettlementDate = settlementDate,
        };

    private static readonly Gen<TradeEnrichment?> Enrichments =
        from present in Gen.Elements(true, true, false)
        from inBase in Gen.OneOf(Gen.Constant<Money?>(null), Monies.Select(m => (Money?)m))
        from exposure in Gen.OneOf(Gen.Constant<Money?>(null), Monies.Select(m => (Money?)m))
        from limit in Gen.Elements<string?>(null, "CL-0", "CL-\"quoted\"")
        select present ? new TradeEnrichment(inBase, exposure, limit, ImmutableArray<string>.Empty) : null;

    // A history: bookings drawn from small pools of economics, so repeated values are met again (the cached bytes)
    // alongside fresh ones (the first encoding), in any order.
    internal static readonly Gen<TradeBooked[]> Histories =
        from pool in Gen.ArrayOf(Economics, 4)
        from count in Gen.Choose(1, 20)
        from bookings in Gen.ArrayOf(
            from id in TradeIds
            from economics in Gen.Elements(pool)
            from assetClass in Gen.Elements(Enum.GetValues<AssetClass>())
            from notional in Monies
            from parent in Gen.OneOf(Gen.Constant<TradeId?>(null), TradeIds.Select(t => (TradeId?)t))
            from enrichment in Enrichments
            select new TradeBooked(id, DateTimeOffset.UnixEpoch.AddTicks(id.GetHashCode()), economics, assetClass,
                notional, parent, null, enrichment),
            count)
        select bookings;

    [Fact]
    public void Every_booking_of_a_random_history_is_written_with_the_generated_serializers_bytes()
    {
        Prop.ForAll(Histories.ToArbitrary(), history => history.All(booked => Written(booked) == Generated(booked)))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_repeated_value_is_cached_as_the_bytes_its_converter_writes()
    {
        var book = BookId.Parse("FX-SPOT_01");

        Assert.Equal("\"FX-SPOT_01\"", Encoding.UTF8.GetString(RepeatedJsonValue<BookId>.Encode(book)));
    }

    [Fact]
    public void Past_its_capacity_a_repeated_value_is_written_by_its_converter_with_the_same_bytes()
    {
        // Quantity is not a cached type of the booking writer, so filling its cache here affects no other test.
        for (var i = 0; i < RepeatedJsonValue<Quantity>.Capacity + 10; i++)
        {
            var quantity = Quantity.Of(i + 0.5m);
            Assert.Equal(JsonSerializer.Serialize(quantity, DomainJsonContext.Default.Options), WriteAlone(quantity));
        }

        Assert.Equal(RepeatedJsonValue<Quantity>.Capacity, RepeatedJsonValue<Quantity>.Count);
    }

    [Fact]
    public void A_decimal_at_the_limits_is_written_as_the_money_converter_writes_its_amount()
    {
        foreach (var value in new[] { decimal.MaxValue, decimal.MinValue, -0.0000000000000000000000000001m })
        {
            var money = new Money(value, Currency.EUR);
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                Assert.True(AsciiJsonValue.TryWriteMoney(writer, money));
            }

            Assert.Equal(JsonSerializer.Serialize(money, DomainJsonContext.Default.Options),
                Encoding.UTF8.GetString(buffer.WrittenSpan));
        }
    }

    [Fact]
    public void Text_the_default_encoder_would_escape_is_left_to_the_converter()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(buffer);

        Assert.False(AsciiJsonValue.TryWriteString(writer, "A+B"));
        Assert.False(AsciiJsonValue.TryWriteString(writer, "é"));
        writer.Flush();
        Assert.Equal(0, buffer.WrittenCount);
    }

    // A fixed sample of gen (the same on every run), drawn from uniformly.
    private static Gen<T> Pool<T>(Gen<T> gen) => Gen.Elements(Gen.Sample(gen, 20, new Rnd(14), PoolSize));

    private static string WriteAlone(Quantity quantity)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            RepeatedJsonValue<Quantity>.Write(writer, quantity);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Written(TradeBooked booked) =>
        Encoding.UTF8.GetString(DomainEventSerializer.Instance.SerializeToUtf8Bytes(booked));

    private static string Generated(TradeBooked booked) =>
        Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(booked, DomainJsonContext.Default.TradeBooked));
}
