using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Trades;
using TradeFlow.Engine.Checks;
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

        Assert.Same(valid, slot.Risk.PreparedFor);
        Assert.True(TradeDecider.TryValidateBooking(valid, Data, out var expected));
        var booking = Assert.NotNull(slot.Risk.Booking);
        Assert.Equal((expected.Economics, expected.AssetClass, expected.Notional), (booking.Economics, booking.AssetClass, booking.Notional));
        Assert.Same(valid, booking.Command);
        Assert.Same(Data, booking.ReferenceData);
        Assert.Equal(DecisionState.SourceKeyHash(valid.SourceKey), slot.Risk.SourceKeyHash);
        // The enrichment as a booking with no warnings, built here from the figures, not through BookingEnricher.Priced.
        Assert.True(ExposureCalculator.TryCompute(Data, valid.Terms.Instrument, valid.Terms.Side, valid.Terms.Quantity,
            valid.Terms.Price, valid.Terms.Counterparty, out var figures));
        var enrichment = slot.Risk.Enrichment;
        Assert.NotNull(enrichment);
        Assert.Equal((figures.NotionalInBase, figures.Exposure, figures.LimitId),
            (enrichment.NotionalInBase, enrichment.ExposureContribution, enrichment.CounterpartyLimitId));
        Assert.Empty(enrichment.ComplianceWarnings);

        // Released once answered: nothing prepared outlives the command for a lap.
        slot.Release();
        Assert.Null(slot.Risk.Booking);
        Assert.Null(slot.Risk.Enrichment);
        Assert.Null(slot.Risk.PreparedFor);

        var invalid = new BookTradeBuilder().WithSourceKey("BAD-1").With(t => t with { Quantity = Domain.Values.Quantity.Zero }).Build();
        Load(slot, invalid);
        checks.OnEvent(slot, 1, endOfBatch: true);

        Assert.Null(slot.Risk.Booking);
        Assert.Null(slot.Risk.Enrichment);
        Assert.False(TradeDecider.TryValidateBooking(invalid, Data, out _));
    }

    [Theory]
    [InlineData("a slot the risk stage did not reach on this lap")]
    [InlineData("a slot the risk stage prepared for another command")]
    public void A_capture_decided_without_its_own_preparation_books_what_the_unprepared_path_books_and_its_resend_is_found(string slotKind)
    {
        // Kills, in DecideStage: the prepared source-key hash used without checking PreparedFor (a fresh slot's 0 or the
        // other command's hash records the outcome under the wrong hash, so the resend is decided again); the prepared
        // booking used without that check (the other command's settlement date would be booked). The other command has the
        // same figures, so the figures the risk stage left in the slot are this command's; its enrichment is then the same
        // value too, so this cannot tell whether the prepared enrichment is checked.
        var command = new BookTradeBuilder().At(Booking(1).EffectiveTime).WithSourceKey("own")
            .With(t => t with { Quantity = Booking(1).Terms.Quantity, SettlementDate = t.TradeDate.AddDays(5) }).Build();

        var (expectedSlot, _, _) = Decided(command, slot =>
        {
            Checks().OnEvent(slot, 0, endOfBatch: true);
            slot.Risk.Unprepare();
        });
        var (actualSlot, decide, checks) = Decided(command, slot =>
        {
            if (slotKind.Contains("another", StringComparison.Ordinal))
            {
                Load(slot, Booking(1));
                Checks().OnEvent(slot, 0, endOfBatch: true);
                Load(slot, command);
            }
        });

        Assert.Equal(CommandStatus.Accepted, expectedSlot.Decision.Outcome.Status);
        Assert.Equal(DecideStageEquivalenceTests.Describe(expectedSlot), DecideStageEquivalenceTests.Describe(actualSlot));

        actualSlot.Release();
        Load(actualSlot, command with { });
        checks.OnEvent(actualSlot, 1, endOfBatch: true);
        decide.OnEvent(actualSlot, 1, endOfBatch: true);
        Assert.True(actualSlot.Decision.Outcome.IsDuplicate, $"resend: {actualSlot.Decision.Outcome.Status}");
    }

    [Fact]
    public void A_preparation_that_throws_leaves_the_command_to_the_decide_stage_which_faults_the_engine_as_unprepared()
    {
        // Kills: the risk stage's preparation failing the command itself (its exception caught into Risk.Failure, as the
        // first engine13 did) — one command would fail quietly with no fault. A null source key throws only where it is
        // hashed, which the preparation does first and the decide stage does again.
        var command = Booking(1) with { SourceKey = null! };
        var faults = new List<Exception>();

        var (prepared, _, _) = Decided(command, slot => Checks().OnEvent(slot, 0, endOfBatch: true), faults.Add);
        var (unprepared, _, _) = Decided(command, slot =>
        {
            Checks().OnEvent(slot, 0, endOfBatch: true);
            slot.Risk.Unprepare();
        }, faults.Add);

        Assert.Null(prepared.Risk.Failure);
        Assert.Null(prepared.Risk.PreparedFor);
        Assert.Equal(2, faults.Count);
        Assert.Equal(CommandStatus.Failed, prepared.Decision.Outcome.Status);
        Assert.Equal(unprepared.Decision.Outcome.Error, prepared.Decision.Outcome.Error);
        Assert.StartsWith("The decision stage failed", prepared.Decision.Outcome.Error, StringComparison.Ordinal);
    }

    // Decides one command on a fresh stage, state and slot; before deciding, `before` runs the checks (or not) as the case
    // needs. The stage runs no checks itself, so the slot's risk part is whatever `before` left.
    private static (CommandSlot Slot, DecideStage Decide, ChecksStage Checks) Decided(TradeCommand command,
        Action<CommandSlot> before, Action<Exception>? onFault = null)
    {
        var decide = new DecideStage(new DecisionState(Data, WashWindow), Data, null, WashTradeMode.Flag, new EngineFault(onFault));
        var slot = new CommandSlot();
        Load(slot, command);
        before(slot);
        decide.OnEvent(slot, 0, endOfBatch: true);
        return (slot, decide, Checks());
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
