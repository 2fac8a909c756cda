using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Projections.Accounting;
using TradeFlow.Projections.Runtime;
using TradeFlow.Projections.Tests.Support;

namespace TradeFlow.Projections.Tests.Accounting;

// The spilled journal is written by hand, not by the serializer, yet it is part of the hashed state: every entry must
// come out byte for byte as JsonSerializer writes it under the projection options.
public class JournalEntryJsonWriterTests
{
    [Fact]
    public void Every_journal_entry_of_any_history_is_written_exactly_as_the_serializer_writes_it()
    {
        Prop.ForAll(RandomHistory.Arbitrary(30), steps =>
        {
            var driver = RandomHistory.Run(steps);
            var accounting = new AccountingProjection(driver.ReferenceData);
            ProjectionSet.Fold(accounting, EventFeed.From(driver.AllEvents));
            foreach (var entry in accounting.Journal)
            {
                Assert.Equal(JsonSerializer.Serialize(entry, ProjectionJson.Options), Written(entry));
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Lines_with_and_without_a_counterparty_negative_amounts_and_an_offset_time_match_the_serializer()
    {
        var driver = RandomHistory.Run([(0, 0, 0), (0, 1, 1), (5, 0, 0), (0, 2, 2), (3, 1, 7)]);
        var accounting = new AccountingProjection(driver.ReferenceData);
        ProjectionSet.Fold(accounting, EventFeed.From(driver.AllEvents));
        var entry = accounting.Journal[0];
        var line = entry.Lines[0];
        var edited = entry with
        {
            EffectiveTime = new DateTimeOffset(2025, 3, 14, 9, 30, 1, 123, TimeSpan.FromHours(-5)),
            Lines = [line with { Counterparty = null, Amount = -0.000001m }, line with { Amount = 12345678901234.5m }],
        };

        Assert.Contains(entry.Lines, l => l.Counterparty is not null);
        Assert.Equal(JsonSerializer.Serialize(edited, ProjectionJson.Options), Written(edited));
    }

    private static string Written(JournalEntry entry)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            JournalEntryJsonWriter.Write(writer, entry);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
