using TradeFlow.Domain.Limits;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Engine.Tests.Support;
using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.InMemory;
using TradeFlow.Journal;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Engine.Tests;

public abstract class RecoveryTests : ChecksPlacementContract
{
    private static readonly DateTimeOffset Later = new(2025, 3, 14, 15, 0, 0, TimeSpan.Zero);

    private protected RecoveryTests(CheckPlacement placement)
        : base(placement)
    {
    }

    // A day's mixed flow: bookings (one refused, one soft-limit warning, one wash flag), an amendment, a
    // cancellation, an allocation, a novation, settlement steps, refusals of unknown trades, a credit limit
    // change (and a refused one) and a booking checked against the changed limit.
    private static async Task<List<(TradeCommand Command, CommandOutcome Outcome)>> RunMixedFlow(EngineHarness harness)
    {
        var sent = new List<(TradeCommand, CommandOutcome)>();
        async Task<CommandOutcome> Send(TradeCommand command)
        {
            var outcome = await harness.Send(command);
            sent.Add((command, outcome));
            return outcome;
        }

        var big = new BookTradeBuilder().WithQuantity(100_000m).With(t => t with { Price = Price.Of(200m) });
        var t1 = (await Send(big.WithSourceKey("BIG-1").Build())).TradeId;
        await Send(big.WithSourceKey("BIG-2").Build());
        await Send(big.WithSourceKey("BIG-3").WithQuantity(5_000m).Build());
        await Send(new BookTradeBuilder().WithSourceKey("FAT").With(t => t with { Price = Price.Of(999m) }).Build());
        await Send(new BookTradeBuilder().WithSourceKey("WASH").WithCounterparty(DemoIds.Barclays)
            .With(t => t with { Side = Side.Sell, Price = Price.Of(200m), Quantity = Quantity.Of(100_000m) }).Build());
        await Send(new AmendTrade(t1, "AMD-1", Later, big.Terms with { Quantity = Quantity.Of(90_000m) }));
        var fx = (await Send(new BookTradeBuilder().WithSourceKey("FX-1").ForFxForward().Build())).TradeId;
        await Send(new ConfirmTrade(fx, "CNF-FX", Later, "MT300-1"));
        await Send(new InstructSettlement(fx, "SI-FX", Later));
        var block = (await Send(new BookTradeBuilder().WithSourceKey("BLOCK").Build())).TradeId;
        await Send(new AllocateTrade(block, "ALLOC", Later,
            [new AllocationLeg(DemoIds.EquitiesNy, DemoIds.GoldmanSachs, Quantity.Of(700m)), new AllocationLeg(DemoIds.EquitiesNy, DemoIds.Barclays, Quantity.Of(300m))]));
        var spot = (await Send(new BookTradeBuilder().WithSourceKey("SPOT").ForFxSpot().Build())).TradeId;
        await Send(new NovateTrade(spot, "NOV", Later, DemoIds.Barclays));
        await Send(new CancelTrade(t1, "CXL-1", Later, "Trader error"));
        await Send(new CancelTrade(t1, "CXL-2", Later, "Again"));
        await Send(new AmendTrade(TradeId.FromInt64(500), "AMD-UNKNOWN", Later, big.Terms));
        await Send(new ChangeCreditLimit(DemoIds.GoldmanSachs, new Money(80_000_000m, Currency.USD), new Money(70_000_000m, Currency.USD),
            "Annual review", "LIMIT-1", Later));
        await Send(new ChangeCreditLimit(DemoIds.Barclays, new Money(1m, Currency.EUR), new Money(2m, Currency.EUR), "Typo", "LIMIT-BAD", Later));
        await Send(big.WithSourceKey("BIG-4").WithQuantity(60_000m).Build());
        return sent;
    }

    [Fact]
    public async Task A_restart_rebuilds_the_same_decision_state()
    {
        var store = new InMemoryEventStore();
        string before;
        using (var first = Start(store))
        {
            await RunMixedFlow(first);
            before = first.StopAndHash();
        }

        using var second = Start(store);
        var after = second.StopAndHash();

        Assert.Equal(before, after);
        Assert.Equal(store.HeadPosition, second.Engine.Recovery.Head);
    }

    [Fact]
    public async Task A_duplicate_submitted_before_a_restart_is_answered_with_its_original_outcome_after_it()
    {
        var store = new InMemoryEventStore();
        List<(TradeCommand Command, CommandOutcome Outcome)> sent;
        using (var first = Start(store))
        {
            sent = await RunMixedFlow(first);
        }

        var head = store.HeadPosition;
        using var second = Start(store);
        foreach (var (command, original) in sent)
        {
            var again = await second.Send(command);
            Assert.True(again.IsDuplicate, $"{command.SourceKey}: {again}");
            Assert.Equal(original.AsDuplicate(), again);
        }

        Assert.Equal(head, store.HeadPosition);
    }

    [Fact]
    public async Task Trade_ids_limits_and_the_wash_window_carry_on_after_a_restart()
    {
        var store = new InMemoryEventStore();
        var buy = new BookTradeBuilder().WithQuantity(100_000m).With(t => t with { Price = Price.Of(200m) });
        using (var first = Start(store, washMode: WashTradeMode.Reject))
        {
            await first.Book(buy.Build());
            await first.Book(buy.With(t => t with { Counterparty = DemoIds.Barclays }).Build());
        }

        using var second = Start(store, washMode: WashTradeMode.Reject);
        var next = await second.Send(new BookTradeBuilder().Build());
        var mirror = await second.Send(buy.With(t => t with { Side = Side.Sell, Counterparty = DemoIds.GoldmanSachs }).Build());
        var overLimit = await second.Send(buy.With(t => t with { Side = Side.Buy, Quantity = Quantity.Of(125_000m) }).Build());

        Assert.Equal(TradeId.FromInt64(3), next.TradeId);
        Assert.Equal(RejectionCode.WashTrade, Assert.Single(mirror.Reasons).Code);
        // Goldman's 20.19m survived the restart: 25m more makes 45.19m, above the 40m soft limit.
        Assert.True(overLimit.IsAccepted, overLimit.ToString());
        Assert.Contains(overLimit.Warnings, w => w.Contains("Soft credit limit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_engine_runs_over_the_real_embedded_journal_and_recovers_from_it()
    {
        var directory = Directory.CreateTempSubdirectory("tradeflow-engine-");
        try
        {
            string before;
            List<(TradeCommand Command, CommandOutcome Outcome)> sent;
            using (var journal = EventJournal.Open(new JournalOptions(directory.FullName)))
            using (var first = Start(journal))
            {
                sent = await RunMixedFlow(first);
                before = first.StopAndHash();
            }

            using var reopened = EventJournal.Open(new JournalOptions(directory.FullName));
            using var second = Start(reopened);
            Assert.Equal(sent.Count(s => s.Outcome.Position != GlobalPosition.Start), second.AllEvents().Select(e => e.CorrelationId).Distinct().Count());
            var again = await second.Send(sent[0].Command);
            Assert.True(again.IsDuplicate);
            Assert.Equal(before, second.StopAndHash());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Settlement_risk_is_laddered_by_value_date_until_settlement()
    {
        using var harness = Start();
        var id = await harness.Book(new BookTradeBuilder().ForBond().Build());
        await harness.Book(new BookTradeBuilder().Build());
        foreach (var step in new TradeCommand[]
                 {
                     new ConfirmTrade(id, "C", Later, "REF"), new InstructSettlement(id, "I", Later),
                     new MatchSettlement(id, "M", Later, "REF"), new SettleTrade(id, "S", Later, new BusinessDate(2025, 3, 17)),
                 })
        {
            Assert.True((await harness.Send(step)).IsAccepted);
        }

        harness.Engine.Stop(EngineHarness.Timeout);
        var state = harness.Engine.DescribeState();

        // Only the Apple trade (190,500 USD, value 2025-03-17) is unsettled; the bond's 1.97m left the ladder.
        Assert.Single(state.Split('\n'), l => l.StartsWith("ladder ", StringComparison.Ordinal));
        Assert.Contains("ladder 2025-03-17 190500", state, StringComparison.Ordinal);
        Assert.Contains("limit CL-784F 190500", state, StringComparison.Ordinal);
    }

    /// <summary>The contract with risk and compliance on one stage thread.</summary>
    public sealed class OneCheckThread() : RecoveryTests(CheckPlacement.SharedThread);

    /// <summary>The contract with risk and compliance on a thread each.</summary>
    public sealed class TwoCheckThreads() : RecoveryTests(CheckPlacement.ThreadEach);

    /// <summary>The contract with risk and compliance run on the decide thread.</summary>
    public sealed class ChecksOnDecideThread() : RecoveryTests(CheckPlacement.DecideThread);
}
