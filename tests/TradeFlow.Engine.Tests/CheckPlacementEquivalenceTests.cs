using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Domain.Trades;
using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.InMemory;
using TradeFlow.Engine.Tests.Support;

namespace TradeFlow.Engine.Tests;

/// <summary>
/// The placement of the checks changes threads, never the journal: the same commands give byte-identical events under
/// every <see cref="CheckPlacement"/>, including when they are submitted all at once into a ring of eight slots, so
/// every slot's parts (risk, compliance, decision, journal) are reused lap after lap and one command's leftovers would
/// show up in the next command's events.
/// </summary>
public sealed class CheckPlacementEquivalenceTests
{
    private static readonly CheckPlacement[] Placements = [CheckPlacement.ThreadEach, CheckPlacement.SharedThread, CheckPlacement.DecideThread];

    [Fact]
    public void Random_command_sequences_journal_identical_events_under_every_placement_with_slots_reused()
    {
        var data = EngineHistory.DemoWithSterlingLimit();
        var steps = EngineHistory.Steps(60).Select(s => s.Where(step => step.Op != EngineHistory.Restart).ToArray());
        Prop.ForAll(steps.ToArbitrary(), run =>
        {
            // One at a time (each command waits for its answer): what the engine journals, and the commands it was sent.
            using var history = new EngineHistory(data);
            foreach (var (op, target, variant) in run)
            {
                history.Run(op, target, variant);
            }

            history.Stop();
            var expected = Describe(history.Store);
            foreach (var placement in Placements)
            {
                Assert.Equal(expected, JournalAllAtOnce(history.Sent, placement, data));
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(25));
    }

    [Theory]
    [InlineData(1, CheckPlacement.DecideThread)]
    [InlineData(2, CheckPlacement.DecideThread)]
    [InlineData(3, CheckPlacement.ThreadEach)]
    [InlineData(16, CheckPlacement.ThreadEach)]
    public void The_checks_run_on_the_decide_thread_by_default_on_two_cores_or_fewer_and_on_a_thread_each_above(
        int cores, CheckPlacement expected) =>
        Assert.Equal(expected, EngineOptions.DefaultCheckPlacement(cores));

    // Every command submitted without waiting, through a ring of 8, then the journal described.
    private static List<string> JournalAllAtOnce(List<TradeCommand> commands, CheckPlacement placement,
        Domain.ReferenceData.ReferenceDataSet data)
    {
        var store = new InMemoryEventStore();
        using (var harness = EngineHarness.Start(store, ringSize: 8, referenceData: data, checkPlacement: placement))
        {
            var completion = new RecordingCompletion();
            for (var i = 0; i < commands.Count; i++)
            {
                harness.Engine.Submit(new EngineCommand(commands[i], "TEST:harness", "tester"), completion, i);
            }

            if (commands.Count > 0)
            {
                completion.WaitFor(commands.Count - 1).GetAwaiter().GetResult();
            }

            harness.Engine.Stop(EngineHarness.Timeout);
        }

        return Describe(store);
    }

    private static List<string> Describe(InMemoryEventStore store) =>
    [
        .. store.ReadAll(GlobalPosition.Start, Direction.Forwards).Select(e =>
            $"{e.Position} {e.StreamId}@{e.StreamVersion} {e.Type}.v{e.SchemaVersion} {e.EventId} {e.CorrelationId} {e.CausationId} " +
            $"{e.RecordedTime:O} {e.EffectiveTime:O} {e.Source} {e.Actor} {Convert.ToHexString(e.Payload.Span)} {Convert.ToHexString(e.Metadata.Span)}"),
    ];
}
