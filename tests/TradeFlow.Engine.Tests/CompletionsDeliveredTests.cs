using FsCheck;
using FsCheck.Fluent;
using TradeFlow.EventSourcing.InMemory;
using TradeFlow.Engine.Pipeline;
using TradeFlow.Engine.Tests.Support;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Engine.Tests;

/// <summary>
/// <see cref="ICommandCompletionsDelivered"/>: a completion that acts where its outcomes are reported (the FIX gateway
/// writes the released answers there) hears, on the publish thread, once per publish batch, that the batch's
/// completions are all delivered — so it can group its writes.
/// </summary>
public sealed class CompletionsDeliveredTests
{
    [Fact]
    public async Task Each_publish_batch_ends_with_one_delivered_notice_after_its_completions_on_the_publish_thread()
    {
        using var harness = EngineHarness.Start(new InMemoryEventStore());
        var recorder = new DeliveredRecorder { Expected = 3 };

        for (var token = 1; token <= 3; token++)
        {
            harness.Engine.Submit(new EngineCommand(new BookTradeBuilder().WithSourceKey($"DELIVERED-{token}").Build()), recorder, token);
        }

        await recorder.DeliveredAfterAllAsync();
        var heard = recorder.Heard;
        Assert.Equal(["completed 1", "completed 2", "completed 3"], heard.Where(h => h.What != "delivered").Select(h => h.What));
        Assert.StartsWith("completed", heard[0].What, StringComparison.Ordinal);
        Assert.Equal("delivered", heard[^1].What);
        // One notice per batch: never two in a row, and each closes at least one completion.
        Assert.DoesNotContain(heard.Zip(heard.Skip(1)), pair => pair.First.What == "delivered" && pair.Second.What == "delivered");
        Assert.Single(heard.Select(h => h.Thread).Distinct());
    }

    [Fact]
    public void Each_listener_hears_exactly_one_notice_per_publish_batch_it_had_completions_in_after_the_last_of_them()
    {
        // The publish stage driven batch by batch, as its processor does (OnBatchStart, then each slot, the last with
        // endOfBatch): random batch sizes, each slot's completion one of two listeners or a plain completion. Counted
        // against the batches: a listener hears one notice in each batch that completed at least one of its commands —
        // right after that batch's last slot — and none in a batch that completed none of its.
        var batch = Gen.Choose(1, 12).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 2), n));
        var batches = Gen.Choose(1, 20).SelectMany(n => Gen.ArrayOf(batch, n));
        Prop.ForAll(batches.ToArbitrary(), plan =>
        {
            var heard = new List<string>();
            var listeners = new[] { new CountingListener("a", heard), new CountingListener("b", heard) };
            var plain = new CountingCompletion(heard);
            var stage = new PublishStage([], (_, ex) => throw new InvalidOperationException("unexpected callback error", ex));
            var slot = new CommandSlot();
            var expected = new List<string>();
            long sequence = 0;
            foreach (var batch in plan)
            {
                heard.Add("batch");
                expected.Add("batch");
                stage.OnBatchStart(batch.Length);
                for (var i = 0; i < batch.Length; i++)
                {
                    ICommandCompletion completion = batch[i] < 2 ? listeners[batch[i]] : plain;
                    slot.Load(new EngineCommand(new BookTradeBuilder().Build()), completion, sequence);
                    expected.Add($"completed {sequence}");
                    stage.OnEvent(slot, sequence++, endOfBatch: i == batch.Length - 1);
                }

                // In the order the listeners first completed in the batch.
                expected.AddRange(batch.Where(b => b < 2).Distinct().Select(b => $"delivered {listeners[b].Name}"));
            }

            Assert.Equal(expected, heard);
            Assert.Equal(plan.Count(b => b.Contains(0)), listeners[0].Notices);
            Assert.Equal(plan.Count(b => b.Contains(1)), listeners[1].Notices);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    [Fact]
    public async Task A_failed_command_is_delivered_too()
    {
        using var harness = EngineHarness.Start(new FailingJournal(new InMemoryEventStore()));
        var recorder = new DeliveredRecorder();

        harness.Engine.Submit(new EngineCommand(new BookTradeBuilder().Build()), recorder, 1);

        Assert.Equal(CommandStatus.Failed, (await recorder.Completed(1)).Status);
        await recorder.DeliveredAfterAllAsync();
        Assert.Equal(["completed 1", "delivered"], recorder.Heard.Select(h => h.What));
    }

    private class CountingCompletion(List<string> heard) : ICommandCompletion
    {
        protected List<string> Heard => heard;

        public void OnCompleted(long token, in CommandOutcome outcome) => heard.Add($"completed {token}");
    }

    private sealed class CountingListener(string name, List<string> heard) : CountingCompletion(heard), ICommandCompletionsDelivered
    {
        public string Name => name;

        public int Notices { get; private set; }

        public void OnCompletionsDelivered()
        {
            Notices++;
            Heard.Add($"delivered {name}");
        }
    }
}
