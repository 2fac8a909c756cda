using TradeFlow.Replay.Rebuild;

namespace TradeFlow.Replay.Tests;

public sealed class SavePolicyTests
{
    private static readonly TimeSpan Never = TimeSpan.FromDays(1);

    [Fact]
    public void By_time_only_a_save_is_not_due_before_the_interval_however_many_events()
    {
        var saves = new SavePolicy(null, Never).Start();

        Assert.DoesNotContain(Enumerable.Range(1, 100_000), read => saves.IsDue(read));
    }

    [Fact]
    public void Once_the_interval_has_passed_a_save_is_due_at_the_next_clock_check()
    {
        var saves = new SavePolicy(null, TimeSpan.Zero).Start();

        Assert.Equal(1_024, Enumerable.Range(1, 2_000).First(read => saves.IsDue(read)));
    }

    [Fact]
    public void A_count_makes_a_save_due_that_many_events_after_the_last_save()
    {
        var saves = new SavePolicy(7, Never).Start();

        Assert.Equal(7, Enumerable.Range(1, 100).First(read => saves.IsDue(read)));
        saves.Saved(7);
        Assert.False(saves.IsDue(13));
        Assert.True(saves.IsDue(14));
    }
}
