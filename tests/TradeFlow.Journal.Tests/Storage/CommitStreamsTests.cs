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
        from names in Gen.ArrayOf(Gen.Choose(0, 60).Select(i => "trade-T" + i.ToString("D12", System.Globalization.CultureInfo.InvariantCulture)), count)
        select names;

    [Fact]
    public void A_commit_is_refused_exactly_when_the_append_rule_refuses_it_and_every_known_stream_is_found()
    {
        var index = new JournalIndex();
        for (var i = 0; i < 60; i += 3)
        {
            index.AddNew("trade-T" + i.ToString("D12", System.Globalization.CultureInfo.InvariantCulture), StreamTable.HashOf("trade-T" + i.ToString("D12", System.Globalization.CultureInfo.InvariantCulture)));
        }

        var streams = new CommitStreams();
        Prop.ForAll(Commits.ToArbitrary(), names =>
        {
            var appends = names.Select(n => new StreamAppend(n, ExpectedVersion.Any, OneEvent)).ToList();
            var expected = Refusal(() => AppendRule.ValidateDistinctStreams(appends));
            var actual = Refusal(() => streams.Find(appends, index));
            return expected == actual
                && (actual is not null || appends.Select((a, i) => streams.Entry(i) == index.Find(a.Stream)
                    && streams.Hash(i) == StreamTable.HashOf(a.Stream)).All(found => found));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(1_000));
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
