using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.Storage;
using TradeFlow.EventSourcing.TestKit;
using TradeFlow.Journal.Storage;

namespace TradeFlow.Journal.Tests.Storage;

// The writer finds a commit's streams once and checks that none repeats on the hashes that lookup gave (pass
// engine14), where it used AppendRule.ValidateDistinctStreams (a set of the names) and then looked each up: it must
// refuse exactly the commits that rule refuses, with its message, and find exactly what the index holds.
public class CommitStreamsTests
{
    private static readonly EventData[] OneEvent = TestEvents.Events(1);

    // Names from a small pool, so repeats are common; 0–40 appends, across the pairwise limit (8) and the table.
    private static readonly Gen<string[]> Commits =
        from count in Gen.Choose(0, 40)
        from names in Gen.ArrayOf(Gen.Choose(0, 60).Select(Name), count)
        select names;

    [Fact]
    public void A_commit_is_refused_exactly_when_the_append_rule_refuses_it_and_every_known_stream_is_found() =>
        AgreesWithTheAppendRule(new CommitStreams());

    [Fact]
    public void After_a_large_commit_refused_part_way_the_table_it_grew_is_left_clean_for_the_next_commits()
    {
        // 20,000 names grow the table to 64K slots; the repeat at the end is refused with 20,000 of them taken. Only
        // the slots taken are cleared: one left behind would send a later commit's probe to an append it does not have.
        var streams = new CommitStreams();
        var names = Enumerable.Range(0, 20_000).Select(i => "big-" + Name(i)).Append("big-" + Name(0));

        Assert.NotNull(Refusal(() => streams.Find(Appends(names), new JournalIndex())));
        AgreesWithTheAppendRule(streams);
    }

    [Fact]
    public void Names_with_the_same_hash_are_two_streams_both_pairwise_and_through_the_table()
    {
        // A 32-bit hash collides within a few hundred thousand names (the birthday bound): found, not hard-coded,
        // because string hashes are randomised per process.
        var (first, second) = Colliding();
        var others = Enumerable.Range(0, 10).Select(Name).ToArray();
        var streams = new CommitStreams();

        foreach (var names in new string[][] { [first, second], [first, .. others, second] })
        {
            streams.Find(Appends(names), new JournalIndex());
            Assert.NotNull(Refusal(() => streams.Find(Appends([.. names, second]), new JournalIndex())));
        }
    }

    private static void AgreesWithTheAppendRule(CommitStreams streams)
    {
        var index = new JournalIndex();
        for (var i = 0; i < 60; i += 3)
        {
            index.AddNew(Name(i), StreamTable.HashOf(Name(i)));
        }

        Prop.ForAll(Commits.ToArbitrary(), names =>
        {
            var appends = Appends(names);
            var expected = Refusal(() => AppendRule.ValidateDistinctStreams(appends));
            var actual = Refusal(() => streams.Find(appends, index));
            return expected == actual
                && (actual is not null || appends.Select((a, i) => streams.Entry(i) == index.Find(a.Stream)
                    && streams.Hash(i) == StreamTable.HashOf(a.Stream)).All(found => found));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(1_000));
    }

    private static string Name(int i) => "trade-T" + i.ToString("D12", CultureInfo.InvariantCulture);

    private static List<StreamAppend> Appends(IEnumerable<string> names) =>
        names.Select(n => new StreamAppend(n, ExpectedVersion.Any, OneEvent)).ToList();

    private static (string First, string Second) Colliding()
    {
        var seen = new Dictionary<int, string>();
        for (var i = 0; ; i++)
        {
            var name = "s-" + i.ToString(CultureInfo.InvariantCulture);
            if (!seen.TryAdd(StreamTable.HashOf(name), name))
            {
                return (seen[StreamTable.HashOf(name)], name);
            }
        }
    }

    [Fact]
    public void A_default_append_is_refused_before_a_repeated_stream_as_the_append_rule_refuses_it()
    {
        var appends = new List<StreamAppend> { new("trade-A", ExpectedVersion.Any, OneEvent), new("trade-A", ExpectedVersion.Any, OneEvent), default };

        var expected = Refusal(() => AppendRule.ValidateDistinctStreams(appends));

        Assert.NotNull(expected);
        Assert.Equal(expected, Refusal(() => new CommitStreams().Find(appends, new JournalIndex())));
    }

    private static string? Refusal(Action check)
    {
        try
        {
            check();
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }
}
