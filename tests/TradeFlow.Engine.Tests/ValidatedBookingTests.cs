using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Engine.Tests;

// TryValidateBooking is the decider's own validation of a capture, done ahead of its decision (the engine's risk stage
// does it off the decide thread): a capture decided with its validated terms books the very event it books without them.
public class ValidatedBookingTests
{
    public static TheoryData<string> Captures => ["equity", "fx spot", "fx forward", "bond", "given settlement date"];

    [Theory]
    [MemberData(nameof(Captures))]
    public void A_capture_decided_with_its_terms_validated_ahead_books_the_same_event(string capture)
    {
        var data = new ReferenceDataBuilder().Build();
        var command = Capture(capture);

        Assert.True(TradeDecider.TryValidateBooking(command, data, out var validated));
        var ahead = TradeDecider.Evaluate(null, command, new DecisionContext(data, TradeId.FromInt64(42), ValidatedBooking: validated));
        var here = TradeDecider.Evaluate(null, command, new DecisionContext(data, TradeId.FromInt64(42)));

        Assert.True(here.IsAccepted);
        Assert.Equal(here[0], ahead[0]);
        Assert.Equal(here.TradeIdsUsed, ahead.TradeIdsUsed);
        Assert.Same(validated.Economics, ((Domain.Events.TradeBooked)ahead[0]).Economics);
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

    private static BookTrade Capture(string capture) => capture switch
    {
        "fx spot" => new BookTradeBuilder().ForFxSpot().Build(),
        "fx forward" => new BookTradeBuilder().ForFxForward().Build(),
        "bond" => new BookTradeBuilder().ForBond().Build(),
        "given settlement date" => new BookTradeBuilder().With(t => t with { SettlementDate = t.TradeDate.AddDays(5) }).Build(),
        _ => new BookTradeBuilder().Build(),
    };
}
