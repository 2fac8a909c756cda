using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Domain.Values;
using TradeFlow.Projections.Accounting;
using TradeFlow.Projections.Runtime;
using TradeFlow.Projections.Runtime.StateJson;
using TradeFlow.Projections.Tests.Support;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Projections.Tests.Runtime;

// replay9: a posting line is written as one raw value, its head (everything before the amount) cached per ledger. The
// spilled journal and every state hash hold these bytes, so they must be the member-by-member writer's, byte for byte.
public class PostingLineTextTests
{
    private static Gen<PostingLine> Lines { get; } = PostingLines.Any((account, currency, book, counterparty, amount) =>
        new PostingLine(account, currency, book, counterparty, amount));

    [Fact]
    public void Any_run_of_lines_is_written_as_the_member_by_member_writer_writes_it()
    {
        Prop.ForAll(Gen.ArrayOf(Lines).ToArbitrary(), lines =>
        {
            Assert.Equal(Text(lines, MemberByMemberLineWriter.Write, indented: false),
                Text(lines, (w, l) => PostingLineStateConverter.WriteLine(w, l, ProjectionJson.Options), indented: false));
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_line_written_after_a_property_name_and_on_an_indented_writer_matches_the_member_by_member_writer()
    {
        Prop.ForAll(Lines.ToArbitrary(), line =>
        {
            PostingLine[] lines = [line, line.Reversed];
            Assert.Equal(Text(lines, MemberByMemberLineWriter.Write, indented: true),
                Text(lines, (w, l) => PostingLineStateConverter.WriteLine(w, l, ProjectionJson.Options), indented: true));
            Assert.Equal(Member(line, MemberByMemberLineWriter.Write),
                Member(line, (w, l) => PostingLineStateConverter.WriteLine(w, l, ProjectionJson.Options)));
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void The_head_of_a_ledger_is_cached_once_and_an_indented_writer_is_left_to_the_member_by_member_path()
    {
        var line = new PostingLine(Account.SettlementReceivable, Currency.JPY, DemoIds.RatesLdn, DemoIds.Barclays, -0.000001m);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartArray();
            Assert.True(PostingLineText.TryWrite(writer, line));
            Assert.True(PostingLineText.Holds(line));
            Assert.True(PostingLineText.TryWrite(writer, line with { Amount = 12345678901234.5m }));
            writer.WriteEndArray();
        }

        Assert.Equal(
            """[{"account":"SettlementReceivable","currency":"JPY","book":"RATES-LDN","counterparty":"G5GSEF7VJP5I7OUK5573","amount":-0.000001},"""
            + """{"account":"SettlementReceivable","currency":"JPY","book":"RATES-LDN","counterparty":"G5GSEF7VJP5I7OUK5573","amount":12345678901234.5}]""",
            System.Text.Encoding.UTF8.GetString(stream.ToArray()));

        using var indented = new Utf8JsonWriter(new MemoryStream(), new JsonWriterOptions { Indented = true });
        Assert.False(PostingLineText.TryWrite(indented, line));
    }

    private static string Text(PostingLine[] lines, Action<Utf8JsonWriter, PostingLine> write, bool indented)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = ProjectionJson.Options.Encoder, Indented = indented }))
        {
            writer.WriteStartArray();
            foreach (var line in lines)
            {
                write(writer, line);
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Member(PostingLine line, Action<Utf8JsonWriter, PostingLine> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteNumber("before", 1);
            writer.WritePropertyName("line");
            write(writer, line);
            writer.WriteString("after", "x");
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
