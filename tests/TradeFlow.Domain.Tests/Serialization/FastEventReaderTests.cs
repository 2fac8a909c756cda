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

// The hand-written readers must produce exactly what the generated deserializer produces from the same bytes:
// compared by writing both results back out (records holding arrays do not compare by value).
public class FastEventReaderTests
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

    private static readonly Gen<TradeId> Ids = Gen.Choose(1, int.MaxValue).Select(i => TradeId.FromInt64(i));

    private static readonly Gen<DateTimeOffset> Times =
        from offsetMinutes in Gen.Elements(0, 60, -300, 330)
        from ticks in Gen.Choose(0, int.MaxValue)
        select new DateTimeOffset(2025, 3, 14, 0, 0, 0, TimeSpan.FromMinutes(offsetMinutes)).AddTicks(ticks * 1_000L + ticks % 7);

    // Text the default encoder escapes (quotes, apostrophes, <, &, non-ASCII, control characters) and the empty string.
    private static readonly Gen<string> Texts = Gen.Elements(
        "CONF", "MT518-7731", "It's \"close\" <to> the band & more", "Überschreitung – 5 €", "tab\there", "");

    private static readonly Gen<TradeFlow.Domain.Trades.TradeEconomics> Economics =
        from side in Gen.Elements(Side.Buy, Side.Sell)
        from quantity in Amounts.Where(a => a > 0)
        from price in Amounts
        from settles in Gen.Choose(0, 5)
        select SampleEvents.Economics with
        {
            Side = side, Quantity = Quantity.Of(quantity), Price = Price.Of(price),
            SettlementDate = SampleEvents.Economics.TradeDate.AddDays(settles),
        };

    private static readonly Gen<TradeEnrichment?> Enrichments =
        from present in Gen.Elements(true, false)
        from inBase in Gen.OneOf(Gen.Constant<Money?>(null), Monies.Select(m => (Money?)m))
        from exposure in Gen.OneOf(Gen.Constant<Money?>(null), Monies.Select(m => (Money?)m))
        from limit in Gen.Elements<string?>(null, "CL-0", "CL-\"quoted\"", "Limite n°7")
        from warnings in Gen.ListOf(Texts).Select(w => w.Take(3).ToImmutableArray())
        select present ? new TradeEnrichment(inBase, exposure, limit, warnings) : null;

    private static readonly Gen<ITradeEvent> Bookings =
        from id in Ids
        from at in Times
        from economics in Economics
        from assetClass in Gen.Elements(Enum.GetValues<AssetClass>())
        from notional in Monies
        from parent in Gen.OneOf(Gen.Constant<TradeId?>(null), Ids.Select(i => (TradeId?)i))
        from novated in Gen.OneOf(Gen.Constant<TradeId?>(null), Ids.Select(i => (TradeId?)i))
        from enrichment in Enrichments
        select (ITradeEvent)new TradeBooked(id, at, economics, assetClass, notional, parent, novated, enrichment);

    private static readonly Gen<SettlementAccount> Accounts =
        from currency in Gen.Elements(Currency.All.ToArray())
        from account in Texts
        from bic in Gen.Elements("GSCMUS33", "DEUTDEFF", "")
        select new SettlementAccount(currency, account, bic);

    private static readonly Gen<ITradeEvent> Lifecycle =
        from id in Ids
        from at in Times
        from text in Texts
        from previous in Economics
        from current in Economics
        from notional in Monies
        from attempt in Gen.Choose(-3, int.MaxValue)
        from accounts in Gen.ListOf(Accounts).Select(a => a.Take(3).ToImmutableArray())
        from kind in Gen.Choose(0, 5)
        select kind switch
        {
            0 => (ITradeEvent)new TradeConfirmed(id, at, text),
            1 => new SettlementInstructed(id, at, attempt, accounts),
            2 => new SettlementMatched(id, at, text),
            3 => new SettlementSettled(id, at, current.SettlementDate),
            4 => new TradeAmended(id, at, previous, current, notional),
            _ => new TradeCancelled(id, at, text),
        };

    [Fact]
    public void The_fast_readers_read_every_canonical_event_exactly_as_the_generated_deserializer()
    {
        Prop.ForAll(Gen.OneOf(Bookings, Lifecycle).ToArbitrary(), evt => ReadBothWays(evt))
            .QuickCheckThrowOnFailure();
    }

    // replay9: one or two accounts are read without a builder, three or more with one — each count, in order.
    [Fact]
    public void A_settlement_instruction_with_none_to_four_accounts_reads_as_the_generated_deserializer()
    {
        var instructions = from id in Ids
                           from at in Times
                           from count in Gen.Choose(0, 4)
                           from accounts in Gen.ArrayOf(Accounts, count)
                           select (ITradeEvent)new SettlementInstructed(id, at, 1, [.. accounts]);
        Prop.ForAll(instructions.ToArbitrary(), evt => ReadBothWays(evt)).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Every_sample_event_with_a_fast_reader_is_read_on_the_fast_path()
    {
        foreach (var evt in SampleEvents.All.Where(HasFastReader))
        {
            Assert.True(ReadBothWays(evt), evt.GetType().Name);
        }
    }

    [Theory]
    [InlineData("""{"effectiveTime":"2025-03-14T14:30:15+00:00","tradeId":"T000000000042","confirmationReference":"X"}""")]
    [InlineData("""{"tradeId":"T000000000042","effectiveTime":"2025-03-14T14:30:15+00:00","confirmationReference":"X","extra":1}""")]
    [InlineData("""{ "tradeId" : "T000000000042" , "effectiveTime":"2025-03-14T14:30:15Z","confirmationReference":"\u0058"}""")]
    [InlineData("""{"tradeId":"T000000000042","effectiveTime":"2025-03-14T14:30:15+00:00","confirmationReference":"X"} """)]
    public void A_payload_in_another_shape_is_read_by_the_generated_deserializer(string json)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);
        var generated = JsonSerializer.Deserialize(utf8, DomainJsonContext.Default.TradeConfirmed);

        Assert.Equal(generated, DomainEventSerializer.Instance.Deserialize("TradeConfirmed", 1, utf8));
    }

    [Theory]
    [InlineData("""{"tradeId":"XYZ","effectiveTime":"2025-03-14T14:30:15+00:00","matchReference":"M"}""")]
    [InlineData("""{"tradeId":"T000000000042","effectiveTime":"yesterday","matchReference":"M"}""")]
    [InlineData("""{"tradeId":"T000000000042","effectiveTime":"2025-03-14T14:30:15+00:00","matchReference":null}""")]
    [InlineData("""{"tradeId":"T000000000042","effectiveTime":"2025-03-14T14:30:15+00:00","matchReference":"M"}{}""")]
    public void A_bad_payload_fails_with_the_generated_deserializers_error(string json)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);
        var expected = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(utf8, DomainJsonContext.Default.SettlementMatched));

        var actual = Assert.Throws<JsonException>(() => DomainEventSerializer.Instance.Deserialize("SettlementMatched", 1, utf8));

        Assert.Equal($"Payload of SettlementMatched.v1 is invalid: {expected.Message}", actual.Message);
    }

    private static bool HasFastReader(ITradeEvent evt) => evt switch
    {
        TradeBooked => FastEventReaders.Has<TradeBooked>(),
        TradeConfirmed => FastEventReaders.Has<TradeConfirmed>(),
        SettlementInstructed => FastEventReaders.Has<SettlementInstructed>(),
        SettlementMatched => FastEventReaders.Has<SettlementMatched>(),
        SettlementSettled => FastEventReaders.Has<SettlementSettled>(),
        TradeAmended => FastEventReaders.Has<TradeAmended>(),
        TradeCancelled => FastEventReaders.Has<TradeCancelled>(),
        _ => false,
    };

    // True when the fast reader accepts the canonical bytes and its event writes back to the same bytes as the
    // generated reader's event (and as the original).
    private static bool ReadBothWays(ITradeEvent evt)
    {
        var utf8 = DomainEventSerializer.Instance.SerializeToUtf8Bytes(evt);
        var (fastOk, fast) = evt switch
        {
            TradeBooked => Fast<TradeBooked>(utf8),
            TradeConfirmed => Fast<TradeConfirmed>(utf8),
            SettlementInstructed => Fast<SettlementInstructed>(utf8),
            SettlementMatched => Fast<SettlementMatched>(utf8),
            SettlementSettled => Fast<SettlementSettled>(utf8),
            TradeAmended => Fast<TradeAmended>(utf8),
            TradeCancelled => Fast<TradeCancelled>(utf8),
            _ => throw new ArgumentException(evt.GetType().Name),
        };
        var typeInfo = DomainJsonContext.Default.GetTypeInfo(evt.GetType())!;
        var generated = (ITradeEvent)JsonSerializer.Deserialize(utf8, typeInfo)!;
        var viaRegistry = DomainEventSerializer.Instance.Deserialize(DomainEventRegistry.TypeNameOf(evt), DomainEventRegistry.SchemaVersionOf(evt), utf8);
        return fastOk
               && Bytes(fast!) == Bytes(generated) && Bytes(generated) == Encoding.UTF8.GetString(utf8)
               && Bytes(viaRegistry) == Bytes(generated)
               && fast!.GetType() == generated.GetType() && (evt is TradeBooked or SettlementInstructed || fast.Equals(generated));
    }

    private static (bool, ITradeEvent?) Fast<T>(byte[] utf8)
        where T : class, ITradeEvent =>
        FastEventReaders.TryRead<T>(utf8, out var evt) ? (true, evt) : (false, null);

    private static string Bytes(ITradeEvent evt) => Encoding.UTF8.GetString(DomainEventSerializer.Instance.SerializeToUtf8Bytes(evt));
}
