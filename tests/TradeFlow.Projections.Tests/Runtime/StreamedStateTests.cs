using System.Security.Cryptography;
using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Projections.Accounting;
using TradeFlow.Projections.Runtime;
using TradeFlow.Projections.Tests.Support;

namespace TradeFlow.Projections.Tests.Runtime;

// The state hash streams the canonical state instead of holding it, and the accounting journal can live in a spill
// file instead of memory: neither may change a single byte of the state nor its hash.
public class StreamedStateTests
{
    [Fact]
    public void The_streamed_state_hash_is_the_SHA_256_of_the_serialized_state_on_any_history()
    {
        Prop.ForAll(RandomHistory.Arbitrary(30), steps =>
        {
            var driver = RandomHistory.Run(steps);
            foreach (var projection in ProjectionSet.All(driver.ReferenceData))
            {
                ProjectionSet.Fold(projection, EventFeed.From(driver.AllEvents));
                Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(projection.SerializeState())), StateHash.Of(projection));
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Accounting_with_its_journal_spilled_to_a_file_has_the_same_state_and_hash_as_with_the_journal_in_memory()
    {
        Prop.ForAll(RandomHistory.Arbitrary(30), steps =>
        {
            var driver = RandomHistory.Run(steps);
            var events = EventFeed.From(driver.AllEvents);
            using var spill = new MemoryStream();
            var inMemory = new AccountingProjection(driver.ReferenceData, new AccountingOptions(CostMethod.Fifo));
            var spilled = new AccountingProjection(driver.ReferenceData, new AccountingOptions(CostMethod.Fifo) { JournalSpill = spill });
            ProjectionSet.Fold(inMemory, events);
            ProjectionSet.Fold(spilled, events);

            Assert.Equal(inMemory.SerializeState(), spilled.SerializeState());
            Assert.Equal(StateHash.Of(inMemory), StateHash.Of(spilled));
            Assert.Equal(inMemory.TrialBalance(), spilled.TrialBalance());
            Assert.Empty(spilled.Journal);
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_spilled_journal_keeps_growing_after_its_state_was_hashed_and_starts_afresh_on_reset()
    {
        var driver = RandomHistory.Run([(0, 0, 0), (0, 1, 1), (5, 0, 0), (0, 2, 2)]);
        var events = EventFeed.From(driver.AllEvents);
        using var spill = new MemoryStream();
        var inMemory = new AccountingProjection(driver.ReferenceData);
        var spilled = new AccountingProjection(driver.ReferenceData, new AccountingOptions { JournalSpill = spill });
        foreach (var e in events)
        {
            inMemory.Apply(e);
            spilled.Apply(e);
            Assert.Equal(StateHash.Of(inMemory), StateHash.Of(spilled));
        }

        spilled.Reset();
        inMemory.Reset();
        Assert.Equal(inMemory.SerializeState(), spilled.SerializeState());
        Assert.True(events.Count > 0 && inMemory.EntryCount == 0);
    }
}
