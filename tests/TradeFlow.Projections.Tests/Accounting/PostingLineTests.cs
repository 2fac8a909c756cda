using System.Runtime.CompilerServices;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Domain.Values;
using TradeFlow.Projections.Accounting;
using TradeFlow.Projections.Runtime;
using TradeFlow.Projections.Runtime.StateJson;
using TradeFlow.Projections.Tests.Support;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Projections.Tests.Accounting;

// mem11: the posting line holds its counterparty unboxed (default = none), 48 bytes where the record was 64; it must
// write, read, compare and hash exactly as the record it replaced (kept as RecordPostingLine).
public class PostingLineTests
{
    private static Gen<RecordPostingLine> Lines { get; } = PostingLines.Any((account, currency, book, counterparty, amount) =>
        new RecordPostingLine(account, currency, book, counterparty, amount));

    [Fact]
    public void A_posting_line_is_48_bytes()
    {
        Assert.Equal(48, Unsafe.SizeOf<PostingLine>());
    }

    [Fact]
    public void A_line_without_a_counterparty_reads_back_null_and_one_with_it_reads_it_back()
    {
        var none = new PostingLine(Account.Cash, Currency.USD, DemoIds.EquitiesNy, null, 1m);
        var some = none with { Account = Account.SettlementPayable, Counterparty = DemoIds.GoldmanSachs };

        Assert.Null(none.Counterparty);
        Assert.Equal(DemoIds.GoldmanSachs, some.Counterparty);
        Assert.Null((some with { Counterparty = null }).Counterparty);
        Assert.Equal(new LedgerKey(Account.SettlementPayable, Currency.USD, DemoIds.EquitiesNy, DemoIds.GoldmanSachs), some.Key);
    }

    [Fact]
    public void A_line_prints_its_five_members()
    {
        var line = new PostingLine(Account.SettlementPayable, Currency.USD, DemoIds.EquitiesNy, DemoIds.GoldmanSachs, -190500.00m);

        Assert.Equal(
            "PostingLine { Account = SettlementPayable, Currency = USD, Book = EQ-NY, Counterparty = 784F5XWPLTWKTBV3E584, Amount = -190500.00 }",
            line.ToString());
    }

    [Fact]
    public void A_line_writes_reads_compares_and_hashes_as_the_record_it_replaced()
    {
        // The other line is often the same one, or the same value at a wider scale (1.5 and 1.500 are equal lines
        // with equal hashes), so equality and hashing are checked on equal lines, not only on different ones.
        var pairs = from expected in Lines
                    from other in Gen.OneOf(Lines, Gen.Constant(expected), Gen.Constant(expected with { Amount = expected.Amount * 1.00m }))
                    select (expected, other);
        Prop.ForAll(pairs.ToArbitrary(), pair =>
        {
            var (expected, other) = pair;
            var line = expected.ToLine();
            var bytes = JsonSerializer.SerializeToUtf8Bytes(expected, ProjectionJson.Options);
            Assert.Equal(bytes, JsonSerializer.SerializeToUtf8Bytes(line, ProjectionJson.Options));
            Assert.Equal(bytes, Written(line));
            var read = JsonSerializer.Deserialize<PostingLine>(bytes, ProjectionJson.Options);
            Assert.Equal(line, read);
            Assert.True(Amounts.Identical(JsonSerializer.Deserialize<RecordPostingLine>(bytes, ProjectionJson.Options).Amount, read.Amount));
            Assert.Equal(expected.Counterparty, read.Counterparty);
            Assert.Equal(expected.Key, line.Key);
            Assert.Equal(expected == other, line == other.ToLine());
            if (line == other.ToLine())
            {
                Assert.Equal(line.GetHashCode(), other.ToLine().GetHashCode());
            }

            Assert.True(Amounts.Identical(-expected.Amount, line.Reversed.Amount));
            var (account, currency, book, counterparty, amount) = line;
            Assert.Equal(expected, new RecordPostingLine(account, currency, book, counterparty, amount));
            return true;
        }).QuickCheckThrowOnFailure();
    }

    private static byte[] Written(PostingLine line)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = ProjectionJson.Options.Encoder }))
        {
            PostingLineStateConverter.WriteLine(writer, line, ProjectionJson.Options);
        }

        return stream.ToArray();
    }
}
