using TradeFlow.EventSourcing.InMemory;
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
    public async Task A_failed_command_is_delivered_too()
    {
        using var harness = EngineHarness.Start(new FailingJournal(new InMemoryEventStore()));
        var recorder = new DeliveredRecorder();

        harness.Engine.Submit(new EngineCommand(new BookTradeBuilder().Build()), recorder, 1);

        Assert.Equal(CommandStatus.Failed, (await recorder.Completed(1)).Status);
        await recorder.DeliveredAfterAllAsync();
        Assert.Equal(["completed 1", "delivered"], recorder.Heard.Select(h => h.What));
    }
}
