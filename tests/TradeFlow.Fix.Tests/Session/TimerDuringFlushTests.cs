using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Session;
using TradeFlow.Fix.Store;

namespace TradeFlow.Fix.Tests.Session;

// The timer never waits for a flush under way; what it queues must still go out when that flush ends, not a tick
// later (or never, when no tick follows — the heartbeat tests hung on exactly that about once in ten runs).
public sealed class TimerDuringFlushTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"tf-timer-flush-{Guid.NewGuid():N}");

    public TimerDuringFlushTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_heartbeat_the_timer_queues_while_a_flush_is_running_goes_out_when_that_flush_ends()
    {
        var store = new StalledFlushStore(new LogMessageStore(_directory, new SessionId("FIX.4.4", "TRADEFLOW", "CLIENT"),
            new DateTime(2026, 3, 17, 0, 0, 0, DateTimeKind.Utc)));
        using var direct = new DirectSession(store);
        direct.LogOn();
        Assert.True(direct.Session.Queue(MsgTypes.ExecutionReport, DirectSession.Body("ORD-1")));
        store.StallNextFlush();
        var flushing = Task.Run(direct.Session.Flush);
        store.AwaitStalled();

        // A direct session has no timer of its own: the clock moves past HeartBtInt and the tick is called by hand.
        direct.Time.Advance(TimeSpan.FromSeconds(30));
        direct.Session.Tick();
        Assert.Equal(0, direct.Wire.Pending);

        store.Finish();
        await flushing.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(MsgTypes.ExecutionReport, direct.Wire.Next().MsgTypeString);
        var heartbeat = direct.Wire.Next();
        Assert.Equal((MsgTypes.Heartbeat, 3), (heartbeat.MsgTypeString, heartbeat.MsgSeqNum));
    }
}
