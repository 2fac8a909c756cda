using TradeFlow.Domain.Events;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Domain.Tests.Trades;

// TryValidateBooking is the decider's own validation of a capture, done ahead of its decision (the engine's risk stage
// does it off the decide thread): a capture decided with its validated terms books the very event it books without them;
// and a validated value made for anything else than the command and reference data being decided is ignored.
public sealed class ValidatedBookingTests
{
    private static readonly TradeId Id = TradeId.FromInt64(42);

    public static TheoryData<string> Captures => ["equity", "fx spot", "fx forward", "bond", "given settlement date"];

    [Theory]
    [MemberData(nameof(Captures))]
    public void A_capture_decided_with_its_terms_validated_ahead_books_the_same_event(string capture)
    {
        var data = new ReferenceDataBuilder().Build();
        var command = Capture(capture);

        Assert.True(TradeDecider.TryValidateBooking(command, data, out var validated));
        var ahead = TradeDecider.Evaluate(null, command, new DecisionContext(data, Id, ValidatedBooking: validated));
        var here = TradeDecider.Evaluate(null, command, new DecisionContext(data, Id));

        Assert.True(here.IsAccepted);
        Assert.Equal(here[0], ahead[0]);
        Assert.Equal(here.TradeIdsUsed, ahead.TradeIdsUsed);
        Assert.Same(validated.Economics, ((TradeBooked)ahead[0]).Economics);
        Assert.Same(command, validated.Command);
        Assert.Same(data, validated.ReferenceData);
    }

    [Fact]
    public void Terms_the_decider_would_refuse_are_not_validated()
    {
        var data = new ReferenceDataBuilder().Build();

        Assert.False(TradeDecider.TryValidateBooking(new BookTradeBuilder().WithQuantity(0m).Build(), data, out var validated));
        Assert.Equal(default, validated);
        Assert.False(TradeDecider.TryValidateBooking(new BookTradeBuilder().ForFxForward().With(t => t with { SettlementDate = null }).Build(),
            data, out _));
    }

    [Fact]
    public void A_capture_decided_with_another_captures_validation_books_what_it_books_validated_here()
    {
        // Kills: DecideBook trusting any ValidatedBooking (the IsFor check dropped) — it would book the other capture's
        // quantity and notional under this command.
        var data = new ReferenceDataBuilder().Build();
        var other = new BookTradeBuilder().WithQuantity(100m).Build();
        var command = new BookTradeBuilder().WithQuantity(7m).Build();
        Assert.True(TradeDecider.TryValidateBooking(other, data, out var othersValidation));

        var given = TradeDecider.Evaluate(null, command, new DecisionContext(data, Id, ValidatedBooking: othersValidation));
        var here = TradeDecider.Evaluate(null, command, new DecisionContext(data, Id));

        Assert.True(here.IsAccepted);
        Assert.Equal(here[0], given[0]);
    }

    [Fact]
    public void A_validation_against_other_reference_data_is_ignored_and_the_terms_validated_against_the_deciders()
    {
        // Kills: IsFor comparing the command only — the capture would book against reference data that lacks its instrument.
        var command = new BookTradeBuilder().Build();
        var validatedAgainst = new ReferenceDataBuilder().Build();
        var deciding = new ReferenceDataBuilder().WithoutInstrument(command.Terms.Instrument).Build();
        Assert.True(TradeDecider.TryValidateBooking(command, validatedAgainst, out var validated));

        var decision = TradeDecider.Evaluate(null, command, new DecisionContext(deciding, Id, ValidatedBooking: validated));

        Assert.False(decision.IsAccepted);
        Assert.Contains(decision.Reasons, r => r.Code == RejectionCode.UnknownInstrument);
    }

    [Fact]
    public void A_default_validated_booking_is_ignored_and_the_capture_validated_by_the_decider()
    {
        // Kills: DecideBook taking any non-null ValidatedBooking — a default one has null economics and would throw or book
        // nothing valid.
        var data = new ReferenceDataBuilder().Build();
        var command = new BookTradeBuilder().Build();

        var given = TradeDecider.Evaluate(null, command, new DecisionContext(data, Id, ValidatedBooking: default(ValidatedBooking)));
        var here = TradeDecider.Evaluate(null, command, new DecisionContext(data, Id));

        Assert.True(here.IsAccepted);
        Assert.Equal(here[0], given[0]);
    }

    [Fact]
    public void Validating_invalid_terms_ahead_formats_no_rejection_text()
    {
        // Kills: the rejection details formatted regardless (RejectionDetailHandler appending when reasons are discarded)
        // — the risk thread would format, for an invalid capture, sentences only the decider's own validation reports.
        // Exact bytes on this thread, not time: an unknown trader and an undefined side each have an interpolated detail.
        var data = new ReferenceDataBuilder().Build();
        var command = new BookTradeBuilder().With(t => t with { Trader = TraderId.Parse("NOBODY"), Side = (Side)7 }).Build();
        Assert.False(TradeDecider.TryValidateBooking(command, data, out _));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var valid = TradeDecider.TryValidateBooking(command, data, out _);
        var bytes = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.False(valid);
        Assert.Equal(0, bytes);
    }

    private static BookTrade Capture(string capture) => capture switch
    {
        "fx spot" => new BookTradeBuilder().ForFxSpot().Build(),
        "fx forward" => new BookTradeBuilder().ForFxForward().Build(),
        "bond" => new BookTradeBuilder().ForBond().Build(),
        "given settlement date" => new BookTradeBuilder().With(t => t with { SettlementDate = t.TradeDate.AddDays(5) }).Build(),
        _ => new BookTradeBuilder().Build(),
    };
}
