using TradeFlow.Testing.Time;

namespace TradeFlow.Domain.Tests.Snapshots;

public class FakeClockTests
{
    [Fact]
    public void A_fake_clock_only_moves_when_told()
    {
        var start = new DateTimeOffset(2025, 3, 14, 9, 30, 0, TimeSpan.FromHours(1));
        var clock = new FakeClock(start);

        Assert.Equal(start, clock.UtcNow);
        Assert.Equal(TimeSpan.Zero, clock.UtcNow.Offset);
        Assert.Equal(start.AddSeconds(5), clock.Advance(TimeSpan.FromSeconds(5)));
        clock.Set(start.AddDays(1));
        Assert.Equal(start.AddDays(1), clock.UtcNow);
    }
}
