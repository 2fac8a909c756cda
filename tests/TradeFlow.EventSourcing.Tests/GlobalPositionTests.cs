namespace TradeFlow.EventSourcing.Tests;

public sealed class GlobalPositionTests
{
    [Fact]
    public void Start_is_before_the_first_event_and_End_after_every_event()
    {
        Assert.Equal(0, GlobalPosition.Start.Value);
        Assert.Equal(GlobalPosition.FromInt64(1), GlobalPosition.Start.Next);
        Assert.True(GlobalPosition.End > GlobalPosition.FromInt64(long.MaxValue - 1));
        Assert.Equal(GlobalPosition.End, GlobalPosition.End.Next);
    }

    [Fact]
    public void A_negative_position_cannot_be_constructed() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => GlobalPosition.FromInt64(-1));

    [Fact]
    public void Positions_order_by_value() =>
        Assert.Equal([1L, 2, 9], new[] { 9L, 1, 2 }.Select(GlobalPosition.FromInt64).Order().Select(p => p.Value));
}
