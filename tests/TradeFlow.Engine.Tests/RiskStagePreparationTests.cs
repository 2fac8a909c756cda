using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Trades;
using TradeFlow.Engine.Decisions;
using TradeFlow.Engine.Pipeline;
using TradeFlow.Engine.Tests.Support;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Engine.Tests;

/// <summary>
/// Pass engine13: what a capture needs besides the decision state — its source key's hash, its terms validated (economics,
/// asset class, notional) and its enrichment — is built by the risk stage, on the check thread when the checks have one,
/// so the decide thread (the one stage that must run serially) no longer builds it. The decisions are unchanged: the
/// equivalence property (<see cref="DecideStageEquivalenceTests"/>) decides against the engine-eight stage, which builds
/// them itself.
/// </summary>
public sealed class RiskStagePreparationTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly ReferenceDataSet Data = EngineHistory.DemoWithSterlingLimit();
    private static readonly TimeSpan WashWindow = TimeSpan.FromMinutes(5);

    [Fact]
    public void A_capture_prepared_by_the_risk_stage_allocates_at_least_150_bytes_less_on_the_decide_thread()
    {
        // Exact bytes of the decide stage alone (the checks run first, unmeasured, as on their own thread), per booking over
        // 4,000 accepted bookings after 100 to warm up: with what the risk stage prepared, against the same slots with it
        // dropped (the decide thread then validates the terms and builds the economics and the enrichment itself, as before).
        var bookings = Enumerable.Range(0, 4_100).Select(Booking).ToArray();
        var prepared = DecideBytesPerBooking(bookings, dropPrepared: false);
        var unprepared = DecideBytesPerBooking(bookings, dropPrepared: true);

        output.WriteLine($"decide stage alone: {prepared:F1} B per booking prepared, {unprepared:F1} B not");
        Assert.True(prepared <= unprepared - 150, $"decide stage alone: {prepared:F1} B per booking prepared, {unprepared:F1} B not");
    }

    [Fact]
    public void The_risk_stage_prepares_a_valid_capture_and_leaves_an_invalid_one_to_the_decider()
    {
        var checks = Checks();
        var slot = new CommandSlot();
        var valid = Booking(1);
        Load(slot, valid);
        checks.OnEvent(slot, 0, endOfBatch: true);

        Assert.True(TradeDecider.TryValidateBooking(valid, Data, out var expected));
        Assert.Equal(expected, slot.Risk.Booking);
        Assert.Equal(DecisionState.SourceKeyHash(valid.SourceKey), slot.Risk.SourceKeyHash);
        Assert.NotNull(slot.Risk.Enrichment);
        Assert.Equal(expected.Economics.SettlementDate, slot.Risk.ValueDate);

        var invalid = new BookTradeBuilder().WithSourceKey("BAD-1").With(t => t with { Quantity = Domain.Values.Quantity.Zero }).Build();
        Load(slot, invalid);
        checks.OnEvent(slot, 1, endOfBatch: true);

        Assert.Null(slot.Risk.Booking);
        Assert.False(TradeDecider.TryValidateBooking(invalid, Data, out _));
        slot.Release();
        Assert.Null(slot.Risk.Enrichment);
    }

    private static double DecideBytesPerBooking(BookTrade[] bookings, bool dropPrepared)
    {
        var checks = Checks();
        var decide = new DecideStage(new DecisionState(Data, WashWindow, bookings.Length), Data, null, WashTradeMode.Flag,
            new EngineFault(null));
        var slot = new CommandSlot();
        const int warmUp = 100;
        long bytes = 0;
        for (var i = 0; i < bookings.Length; i++)
        {
            Load(slot, bookings[i]);
            checks.OnEvent(slot, i, endOfBatch: true);
            if (dropPrepared)
            {
                slot.Risk.Release();
            }

            var before = GC.GetAllocatedBytesForCurrentThread();
            decide.OnEvent(slot, i, endOfBatch: true);
            if (i >= warmUp)
            {
                bytes += GC.GetAllocatedBytesForCurrentThread() - before;
            }

            Assert.Equal(CommandStatus.Accepted, slot.Decision.Outcome.Status);
            slot.Release();
        }

        return bytes / (double)(bookings.Length - warmUp);
    }

    private static ChecksStage Checks() => new(new RiskStage(Data), new ComplianceStage(Data, PriceBands.Default));

    private static void Load(CommandSlot slot, TradeCommand command) =>
        slot.Load(new EngineCommand(command, "TEST:harness", "tester"), NullCompletion.Instance, 0);

    private static BookTrade Booking(int i) => new BookTradeBuilder()
        .At(new DateTimeOffset(2025, 3, 14, 14, 30, 0, TimeSpan.Zero).AddSeconds(i))
        .WithSourceKey($"prepared:{i}")
        .With(t => t with { Quantity = Domain.Values.Quantity.Of(1m + (i % 50)) })
        .Build();

    private sealed class NullCompletion : ICommandCompletion
    {
        public static readonly NullCompletion Instance = new();

        public void OnCompleted(long token, in CommandOutcome outcome)
        {
        }
    }
}
