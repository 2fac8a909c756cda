using TradeFlow.Domain.Events;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Domain.Tests.Trades;

public class TradeTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 17, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Replaying_a_stream_rebuilds_the_same_state_the_decisions_produced()
    {
        var driver = new LifecycleDriver();
        var trade = new TradeBuilder().WithBooking(b => b.ForBond()).InStatus(TradeStatus.Settled).Build(driver);

        var replayed = Trade.Replay(driver.StreamOf(trade.Id));

        Assert.Equal(trade, replayed);
    }

    [Fact]
    public void An_event_before_the_booking_is_refused_as_a_corrupt_stream()
    {
        var ex = Assert.Throws<InvalidOperationException>(() =>
            Trade.Evolve(null, new TradeConfirmed(TradeId.First, At, "X")));

        Assert.Contains("before TradeBooked", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_of_another_trade_is_refused()
    {
        var trade = new TradeBuilder().Build();

        Assert.Throws<InvalidOperationException>(() => trade.Apply(new TradeConfirmed(TradeId.FromInt64(7), At, "X")));
    }

    [Fact]
    public void A_rejected_booking_leaves_no_trade()
    {
        var rejected = new TradeRejected(TradeId.First, At, TradeCommandKind.Book, "K", []);

        Assert.Null(Trade.Evolve(null, rejected));
    }
}
