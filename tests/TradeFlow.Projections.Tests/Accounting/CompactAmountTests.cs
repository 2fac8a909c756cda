using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Events;
using TradeFlow.Domain.Values;
using TradeFlow.EventSourcing;
using TradeFlow.Projections.Accounting;
using TradeFlow.Projections.Accounting.Kept;
using TradeFlow.Projections.Runtime;
using TradeFlow.Projections.Runtime.StateJson;
using TradeFlow.Projections.Tests.Support;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Projections.Tests.Accounting;

// mem11: the kept journal's lines and the trades' open lines hold their amounts as a scaled long (12-byte KeptLine), the
// journal's entry numbers are implied by their place. Every amount must come back bit for bit — value, scale and sign,
// since the state writes -5000000 and -5000000.00 differently — and one no long holds must fall back to a decimal.
public class CompactAmountTests
{
    private static readonly BookId[] Books = [DemoIds.EquitiesNy, DemoIds.FxLdn];
    private static readonly CounterpartyId?[] Counterparties = [null, DemoIds.GoldmanSachs, DemoIds.Barclays];

    private static Gen<PostingLine> Lines { get; } =
        from account in Gen.Choose(1, 9)
        from currency in Gen.Elements(Currency.USD, Currency.EUR, Currency.JPY)
        from book in Gen.Elements(Books)
        from counterparty in Gen.Elements(Counterparties)
        from amount in Amounts.Any
        select new PostingLine((Account)account, currency, book, counterparty, amount);

    [Fact]
    public void An_amount_packs_to_a_scaled_long_exactly_when_one_holds_it_and_unpacks_bit_for_bit()
    {
        Prop.ForAll(Amounts.Arbitrary(), amount =>
        {
            var bits = decimal.GetBits(amount);
            var negativeZero = amount == 0m && bits[3] < 0;
            var fits = bits[2] == 0 && (uint)bits[1] <= int.MaxValue && !negativeZero;
            Assert.Equal(fits, ScaledAmount.TryPack(amount, out var units, out var scale));
            if (fits)
            {
                Assert.True(Amounts.Identical(amount, ScaledAmount.Unpack(units, scale)));
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_scaled_amount_keeps_the_scale_the_state_writes()
    {
        foreach (var amount in (decimal[])[-5000000m, -5000000.00m, 0m, 0.00m, 190500.00m, 1.2345m, long.MaxValue, -long.MaxValue])
        {
            Assert.True(ScaledAmount.TryPack(amount, out var units, out var scale));
            var back = ScaledAmount.Unpack(units, scale);
            Assert.Equal(JsonSerializer.Serialize(amount), JsonSerializer.Serialize(back));
            Assert.True(Amounts.Identical(amount, back));
        }

        Assert.False(ScaledAmount.TryPack(new decimal(0, 0, 0, true, 2), out _, out _));
        Assert.False(ScaledAmount.TryPack((decimal)long.MaxValue + 1, out _, out _));
    }

    [Fact]
    public void A_kept_line_is_12_bytes_and_a_kept_entry_48()
    {
        Assert.Equal(12, Unsafe.SizeOf<KeptLine>());
        Assert.Equal(48, Unsafe.SizeOf<KeptEntry>());
    }

    [Fact]
    public void A_kept_line_gives_back_its_ledger_and_amount_or_says_it_is_wide()
    {
        Prop.ForAll(Gen.Choose(0, KeptLine.MaxLedgers - 1).ToArbitrary(), Amounts.Arbitrary(), (ledger, amount) =>
        {
            // A line holds its amount exactly when the amount packs; otherwise it must say so (and go wide).
            var packs = ScaledAmount.TryPack(amount, out _, out _);
            Assert.Equal(packs, KeptLine.TryCreate(ledger, amount, out var line));
            if (packs)
            {
                Assert.False(line.IsWide);
                Assert.Equal(ledger, line.Ledger);
                Assert.True(Amounts.Identical(amount, line.Amount));
            }

            var wide = KeptLine.Wide(ledger, 12345);
            Assert.True(wide.IsWide);
            Assert.Equal(ledger, wide.Ledger);
            Assert.Equal(12345, wide.WideIndex);
            return true;
        }).QuickCheckThrowOnFailure();
        Assert.Throws<InvalidOperationException>(() => KeptLine.TryCreate(KeptLine.MaxLedgers, 1m, out _));
    }

    [Fact]
    public void The_kept_journal_reads_and_writes_any_amounts_and_numbers_as_the_list_of_records_does()
    {
        // Numbers mostly consecutive (as the fold posts them), sometimes not (a restored document could say anything).
        var entries = from count in Gen.Choose(0, 12)
                      from start in Gen.Choose(0, 5)
                      from jumps in Gen.ArrayOf(Gen.Frequency((6, Gen.Constant(1)), (1, Gen.Choose(-3, 9))), count)
                      from lines in Gen.ArrayOf(Gen.Choose(0, 5).SelectMany(n => Gen.ArrayOf(Lines, n)), count)
                      select (start, jumps, lines);
        Prop.ForAll(entries.ToArbitrary(), input =>
        {
            var (start, jumps, lines) = input;
            var kept = new KeptJournal();
            var reference = new ListPostingJournal();
            long number = start;
            for (var i = 0; i < jumps.Length; i++)
            {
                number += jumps[i];
                var at = new DateTimeOffset(2025, 3, 14, 9, 0, i, TimeSpan.FromHours(i % 3));
                foreach (var journal in (IPostingJournal[])[kept, reference])
                {
                    journal.Add(number, GlobalPosition.Start, new Guid(i, 0, 0, new byte[8]), TradeId.FromInt64(1 + i), EntryKind.TradeDate,
                        at, lines[i]);
                }
            }

            Assert.Equal(reference.Entries.Count, kept.Count);
            for (var i = 0; i < kept.Count; i++)
            {
                Assert.Equal(reference.Entries[i].Number, kept[i].Number);
                AssertIdentical(reference.Entries[i].Lines, kept[i].Lines);
            }

            Assert.Equal(Copied(reference), Copied(kept));
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_trades_open_lines_read_and_write_bit_for_bit_whatever_their_amounts()
    {
        var economics = RandomHistory.Run([(0, 0, 0)]).AllEvents.OfType<TradeBooked>().First().Economics;
        Prop.ForAll(Gen.ArrayOf(Lines).ToArbitrary(), lines =>
        {
            var table = new LedgerTable();
            var record = new AccountingTrade(TradeId.FromInt64(7), economics, AssetClass.CashEquity,
                new Money(190500.00m, Currency.USD), 0m, [.. lines]);
            var state = AccountingTradeState.From(record, table);
            AssertIdentical(record.OpenLines, state.OpenLines);
            AssertIdentical(record.OpenLines, state.ToTrade().OpenLines);
            Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(record, ProjectionJson.Options), Row(state));
            state.Close();
            Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(record with { OpenLines = [], Closed = true }, ProjectionJson.Options), Row(state));
            return true;
        }).QuickCheckThrowOnFailure();
    }

    private static void AssertIdentical(ImmutableArray<PostingLine> expected, ImmutableArray<PostingLine> actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(expected[i] == actual[i], $"line {i} differs");
            Assert.True(Amounts.Identical(expected[i].Amount, actual[i].Amount), $"line {i}: {expected[i].Amount} read back as {actual[i].Amount}");
        }
    }

    private static byte[] Copied(IPostingJournal journal)
    {
        using var stream = new MemoryStream();
        journal.CopyTo(stream);
        return stream.ToArray();
    }

    private static byte[] Row(AccountingTradeState state)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = ProjectionStateJson.WriteOptions.Encoder }))
        {
            AccountingTradeRowWriter.WriteRow(writer, state, ProjectionStateJson.WriteOptions);
        }

        return stream.ToArray();
    }
}
