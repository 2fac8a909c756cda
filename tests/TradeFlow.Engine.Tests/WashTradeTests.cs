using TradeFlow.Domain.Events;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Engine.Tests.Support;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Engine.Tests;

public sealed class WashTradeTests
{
    private static readonly DateTimeOffset Executed = new(2025, 3, 14, 14, 30, 0, TimeSpan.Zero);

    private static BookTrade Booking(Side side, DateTimeOffset at, decimal price = 190.50m, decimal quantity = 1_000m) =>
        new BookTradeBuilder().At(at).WithQuantity(quantity)
            .With(t => t with { Side = side, Price = Price.Of(price) }).Build();

    [Fact]
    public async Task A_mirrored_booking_within_the_window_is_flagged_in_flag_mode()
    {
        var subscriber = new RecordingSubscriber();
        using var harness = EngineHarness.Start(washMode: WashTradeMode.Flag, subscribers: [subscriber]);
        var first = await harness.Book(Booking(Side.Buy, Executed));

        var outcome = await harness.Send(Booking(Side.Sell, Executed.AddMinutes(3)));

        Assert.True(outcome.IsAccepted, outcome.ToString());
        var warning = Assert.Single(outcome.Warnings);
        Assert.Contains($"mirrors trade {first}", warning, StringComparison.Ordinal);
        var booked = (TradeBooked)subscriber.Events[^1].Event;
        Assert.Equal(warning, Assert.Single(booked.Enrichment!.ComplianceWarnings));
    }

    [Fact]
    public async Task A_mirrored_booking_within_the_window_is_rejected_in_reject_mode()
    {
        using var harness = EngineHarness.Start(washMode: WashTradeMode.Reject);
        await harness.Book(Booking(Side.Buy, Executed));

        var outcome = await harness.Send(Booking(Side.Sell, Executed.AddMinutes(-2)));

        Assert.Equal(RejectionCode.WashTrade, Assert.Single(outcome.Reasons).Code);
    }

    [Fact]
    public async Task A_mirrored_booking_outside_the_window_is_not_a_wash_trade()
    {
        using var harness = EngineHarness.Start(washMode: WashTradeMode.Reject, washWindow: TimeSpan.FromMinutes(5));
        await harness.Book(Booking(Side.Buy, Executed));

        var outcome = await harness.Send(Booking(Side.Sell, Executed.AddMinutes(6)));

        Assert.True(outcome.IsAccepted, outcome.ToString());
        Assert.Empty(outcome.Warnings);
    }

    [Fact]
    public async Task A_booking_on_the_same_side_is_not_a_wash_trade()
    {
        using var harness = EngineHarness.Start(washMode: WashTradeMode.Reject);
        await harness.Book(Booking(Side.Buy, Executed));

        var outcome = await harness.Send(Booking(Side.Buy, Executed.AddMinutes(1)));

        Assert.True(outcome.IsAccepted, outcome.ToString());
    }

    [Fact]
    public async Task A_booking_at_another_price_or_quantity_is_not_a_wash_trade()
    {
        using var harness = EngineHarness.Start(washMode: WashTradeMode.Reject);
        await harness.Book(Booking(Side.Buy, Executed));

        var otherPrice = await harness.Send(Booking(Side.Sell, Executed.AddMinutes(1), price: 190.55m));
        var otherQuantity = await harness.Send(Booking(Side.Sell, Executed.AddMinutes(1), quantity: 1_001m));

        Assert.True(otherPrice.IsAccepted, otherPrice.ToString());
        Assert.True(otherQuantity.IsAccepted, otherQuantity.ToString());
    }

    [Fact]
    public async Task Wash_trade_detection_can_be_switched_off()
    {
        using var harness = EngineHarness.Start(washMode: WashTradeMode.Off);
        await harness.Book(Booking(Side.Buy, Executed));

        var outcome = await harness.Send(Booking(Side.Sell, Executed));

        Assert.True(outcome.IsAccepted, outcome.ToString());
        Assert.Empty(outcome.Warnings);
    }
}
