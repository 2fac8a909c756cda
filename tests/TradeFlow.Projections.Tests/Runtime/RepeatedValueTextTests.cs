using System.Buffers;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Values;
using TradeFlow.Projections.Accounting;
using TradeFlow.Projections.Runtime;
using TradeFlow.Projections.Runtime.StateJson;
using TradeFlow.Projections.Settlement;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Projections.Tests.Runtime;

// The state writers copy the first bytes a converter wrote for a repeated value (a book, a counterparty, a date…);
// a state hash covers them, so the copy must be the converter's output for every value, the first time and after.
public class RepeatedValueTextTests
{
    private static readonly ReferenceDataSet ReferenceData = new ReferenceDataBuilder().Build();

    [Fact]
    public void Every_reference_data_id_is_written_as_its_converter_writes_it_on_a_miss_and_on_a_hit()
    {
        foreach (var book in ReferenceData.Books)
        {
            AssertSameAsConverter(book.Id);
        }

        foreach (var counterparty in ReferenceData.Counterparties)
        {
            AssertSameAsConverter(counterparty.Id);
        }

        foreach (var instrument in ReferenceData.Instruments)
        {
            AssertSameAsConverter(instrument.Id);
            AssertSameAsConverter(instrument.Currency);
            AssertSameAsConverter(instrument.AssetClass);
        }

        foreach (var trader in ReferenceData.Traders)
        {
            AssertSameAsConverter(trader.Id);
        }
    }

    [Fact]
    public void Every_enum_value_defined_or_not_is_written_as_its_converter_writes_it()
    {
        foreach (var side in Enum.GetValues<Side>().Append((Side)77))
        {
            AssertSameAsConverter(side);
        }

        foreach (var account in Enum.GetValues<Account>())
        {
            AssertSameAsConverter(account);
        }

        foreach (var kind in Enum.GetValues<EntryKind>())
        {
            AssertSameAsConverter(kind);
        }

        foreach (var status in Enum.GetValues<SettlementStatus>())
        {
            AssertSameAsConverter(status);
        }
    }

    [Fact]
    public void Any_business_date_is_written_as_its_converter_writes_it_also_past_the_cache_capacity()
    {
        // More distinct dates than the cache keeps: the ones past its capacity go through the converter itself.
        var start = new BusinessDate(2020, 1, 1).DayNumber;
        for (var day = 0; day < RepeatedValueText<BusinessDate>.Capacity + 100; day++)
        {
            AssertSameAsConverter(BusinessDate.FromDayNumber(start + day));
        }

        Prop.ForAll(Gen.Choose(1, 3_000_000).ToArbitrary(), day =>
        {
            AssertSameAsConverter(BusinessDate.FromDayNumber(day));
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Only_values_that_repeat_across_trades_are_cached()
    {
        Assert.True(RepeatedValueText<BookId>.Applies);
        Assert.True(RepeatedValueText<Side>.Applies);
        Assert.False(RepeatedValueText<TradeId>.Applies);
        Assert.False(RepeatedValueText<Money>.Applies);
        Assert.False(RepeatedValueText<decimal>.Applies);
    }

    private static void AssertSameAsConverter<T>(T value)
        where T : notnull
    {
        var expected = JsonSerializer.SerializeToUtf8Bytes(new[] { value, value }, ProjectionJson.Options);
        // Twice in one array: the first a miss (or a hit from an earlier test), the second a hit, commas placed by the writer.
        Assert.Equal(expected, WriteTwice(value));
        Assert.Equal(expected, WriteTwice(value));
    }

    private static byte[] WriteTwice<T>(T value)
        where T : notnull
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ProjectionJson.Options.Encoder }))
        {
            writer.WriteStartArray();
            RepeatedValueText<T>.WriteValue(writer, value);
            RepeatedValueText<T>.WriteValue(writer, value);
            writer.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
