using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Projections.Accounting;
using TradeFlow.Projections.Runtime;
using TradeFlow.Projections.Tests.Support;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Projections.Tests.Accounting;

// The posting journal is held compactly (structs, shared line store, interned ledgers) and made into records on read:
// every reader — the journal query, the audit trail, the state hash — must see exactly what the list of records gave.
public class KeptJournalTests
{
    [Fact]
    public void The_kept_journal_reads_back_exactly_the_entries_a_list_of_records_held_on_any_history()
    {
        Prop.ForAll(RandomHistory.Arbitrary(40), steps =>
        {
            var driver = RandomHistory.Run(steps);
            var (compact, reference) = Pair(driver);
            foreach (var e in Feed(driver))
            {
                compact.Apply(e);
                reference.Apply(e);
                Assert.Equal(reference.Journal.Count, compact.Journal.Count);
            }

            AssertSameEntries(reference.Journal, compact.Journal);
            var enumerated = new List<JournalEntry>();
            foreach (var entry in compact.Journal)
            {
                enumerated.Add(entry);
            }

            AssertSameEntries(reference.Journal, enumerated);
            for (var skip = 0; skip <= reference.Journal.Count; skip += 3)
            {
                AssertSameEntries([.. reference.Journal.Skip(skip)], [.. compact.Journal.Skip(skip)]);
            }

            Assert.Equal(reference.SerializeWithReadOptions(), compact.SerializeState());
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_journal_restored_at_any_cut_folds_on_to_the_entries_and_state_bytes_of_an_uninterrupted_fold()
    {
        Prop.ForAll(RandomHistory.Arbitrary(40), Gen.Choose(0, 1000).ToArbitrary(), (steps, cutSeed) =>
        {
            var driver = RandomHistory.Run(steps);
            var events = Feed(driver);
            var cut = cutSeed % (events.Count + 1);
            var (cutAt, uninterrupted) = Pair(driver);
            ProjectionSet.Fold(cutAt, events.Take(cut));
            ProjectionSet.Fold(uninterrupted, events);
            // Restored from the compact journal's bytes, then compared with the list of records never interrupted: the
            // entries and every byte of the state, the ledgers back at zero included (they are re-posted from the journal).
            var (restored, _) = Pair(driver);
            restored.RestoreState(cutAt.SerializeState());
            ProjectionSet.Fold(restored, events.Skip(cut));

            AssertSameEntries(uninterrupted.Journal, restored.Journal);
            Assert.Equal(uninterrupted.SerializeWithReadOptions(), restored.SerializeState());
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void The_latest_entries_of_a_trade_or_of_all_are_the_journal_filtered_newest_first()
    {
        Prop.ForAll(RandomHistory.Arbitrary(30), steps =>
        {
            var driver = RandomHistory.Run(steps);
            var (compact, reference) = Pair(driver);
            ProjectionSet.Fold(compact, Feed(driver));
            ProjectionSet.Fold(reference, Feed(driver));
            var trades = reference.Journal.Select(j => (Domain.Values.TradeId?)j.TradeId).Distinct().Append(null);
            foreach (var trade in trades)
            {
                foreach (var limit in (int[])[0, 1, 3, 1000])
                {
                    AssertSameEntries(
                        [.. reference.Journal.Where(j => trade is null || j.TradeId == trade).Reverse().Take(limit)],
                        compact.LatestJournalEntries(trade, limit));
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void An_entry_read_twice_is_found_in_the_journal_and_the_journal_refuses_changes()
    {
        var driver = RandomHistory.Run([(0, 0, 0), (0, 1, 1), (1, 0, 7), (2, 1, 3)]);
        var accounting = new AccountingProjection(driver.ReferenceData);
        ProjectionSet.Fold(accounting, Feed(driver));
        var journal = (IList<JournalEntry>)accounting.Journal;

        Assert.Equal(2, journal.IndexOf(accounting.Journal[2]));
        Assert.True(journal.Contains(accounting.Journal[1]));
        Assert.True(journal.IsReadOnly);
        Assert.Throws<NotSupportedException>(() => journal.Add(accounting.Journal[0]));
    }

    private static (AccountingProjection Compact, AccountingProjection Reference) Pair(LifecycleDriver driver) =>
        (new AccountingProjection(driver.ReferenceData, new AccountingOptions(CostMethod.Fifo)),
            new AccountingProjection(driver.ReferenceData, new AccountingOptions(CostMethod.Fifo), new ListPostingJournal()));

    // Effective times across every whole-hour and half-hour offset from -14 to +14 hours, so the compact form's
    // ticks-and-offset must give back the very instant and offset posted.
    private static List<ProjectionEvent> Feed(LifecycleDriver driver) =>
    [
        .. EventFeed.From(driver.AllEvents).Select((e, i) =>
            e with { EffectiveTime = e.EffectiveTime.ToOffset(TimeSpan.FromMinutes(((i * 30) % 1710) - 840)) }),
    ];

    private static void AssertSameEntries(IReadOnlyList<JournalEntry> expected, IReadOnlyList<JournalEntry> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i] with { Lines = [] }, actual[i] with { Lines = [] });
            Assert.Equal(expected[i].EffectiveTime.Offset, actual[i].EffectiveTime.Offset);
            // Compared as spans: PostingLine's ToString recurses through Reversed, so a failure message cannot print them.
            Assert.True(expected[i].Lines.AsSpan().SequenceEqual(actual[i].Lines.AsSpan()), $"entry {i}: the lines differ");
            Assert.Equal(JsonSerializer.Serialize(expected[i], ProjectionJson.Options), JsonSerializer.Serialize(actual[i], ProjectionJson.Options));
        }
    }
}
