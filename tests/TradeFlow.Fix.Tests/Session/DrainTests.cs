using Microsoft.Extensions.Logging;
using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Session;
using static TradeFlow.Fix.Tests.Session.NonBlockingWriteTests;

namespace TradeFlow.Fix.Tests.Session;

/// <summary>
/// The drain's own life (review rev-fix12): a reconnect while it writes, a failure on its thread, Dispose while it runs,
/// a disconnect asked for while it waits, the timer's write it must re-run, and a close of our own.
/// </summary>
public sealed class DrainTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"tf-drain-{Guid.NewGuid():N}");
    private readonly FakeTimeProvider _time = new();

    public DrainTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_reconnect_while_the_drain_writes_never_gives_the_new_connections_bytes_to_the_old_one()
    {
        var first = new PartialConnection();
        var clientSeq = 1;
        using var session = LogOn(first, _directory, _time, ref clientSeq);
        QueueOpened(session, "ORD-1", "ORD-2");
        first.Accept = n => n / 2;
        Assert.True(session.TrySendDurable());

        // While the drain writes the kept bytes (holding the send gate), the connection is lost and a new one comes:
        // a message for it is stamped and made durable by the timer, which finds the send gate taken and leaves.
        var second = new PartialConnection();
        var lost = false;
        first.Accept = n =>
        {
            if (!lost)
            {
                lost = true;
                first.Disconnect();
                session.Disconnected(first, "Connection lost");
                Assert.True(session.Connect(second));
                var testRequest = new FixFieldWriter();
                testRequest.Add(Tags.TestReqID, "AFTER-RECONNECT");
                Assert.True(session.Queue(MsgTypes.TestRequest, testRequest));
                Assert.True(Task.Run(session.Tick).Wait(TimeSpan.FromSeconds(30)));
            }

            return n;
        };
        first.Wake();

        Assert.True(session.DrainThread!.Join(TimeSpan.FromSeconds(30)));
        session.SendDurable();
        Assert.Equal([(MsgTypes.TestRequest, "AFTER-RECONNECT")], second.Messages().Select(m => (m.MsgTypeString, m.GetString(Tags.TestReqID))));
    }

    [Fact]
    public async Task An_exception_on_the_drain_thread_is_logged_and_ends_the_connection_and_the_process_lives_on()
    {
        var wire = new PartialConnection();
        var clientSeq = 1;
        var application = new RecordingApplication { LogoutHook = () => throw new InvalidOperationException("application's OnLogout failed") };
        var session = LogOn(wire, _directory, _time, ref clientSeq, "", application);
        QueueOpened(session, "ORD-1");
        wire.FailWith = 104; // ECONNRESET: the drain's write fails too, and its disconnect calls OnLogout

        Assert.True(session.TrySendDurable());
        await application.LoggedOut.Task.WaitAsync(TimeSpan.FromSeconds(30));
        session.Dispose(); // waits for the drain to end

        Assert.False(session.IsConnected);
        Assert.True(wire.Closed);
        var events = Events(_directory);
        Assert.Contains("Disconnected: Write failed: errno 104 (", events);
        Assert.Contains("Drain failed; closing the connection: application's OnLogout failed", events);
    }

    [Fact]
    public void A_session_disposed_while_its_drain_still_logs_the_catch_up_does_not_end_the_process()
    {
        var wire = new PartialConnection();
        var clientSeq = 1;
        FixSession? session = null;
        // Dispose lands between the drain's last write and its last log line (a preemption there, made certain).
        var logger = new HookLogger("Counterparty reading again", () => session!.Dispose());
        session = LogOn(wire, _directory, _time, ref clientSeq, "", logger: logger);
        QueueOpened(session, "ORD-1");
        wire.Accept = n => n / 2;
        Assert.True(session.TrySendDurable());

        wire.MakeWritable();
        Assert.True(session.DrainThread!.Join(TimeSpan.FromSeconds(30)));
        Assert.Equal([MsgTypes.Logon, MsgTypes.ExecutionReport], wire.Messages().Select(m => m.MsgTypeString));
    }

    [Fact]
    public void Dispose_ends_a_drain_that_is_waiting_for_its_socket_and_waits_for_it()
    {
        var wire = new PartialConnection();
        var clientSeq = 1;
        var session = LogOn(wire, _directory, _time, ref clientSeq);
        QueueOpened(session, "ORD-1");
        wire.Accept = _ => 0;
        Assert.True(session.TrySendDurable());

        session.Dispose();
        Assert.False(session.DrainThread!.IsAlive);
    }

    [Theory]
    [InlineData("SlowConsumerTimeout=0")]
    [InlineData("")]
    public void A_Logout_the_counterparty_cannot_read_still_disconnects_after_LogoutTimeout(string settings)
    {
        var wire = new PartialConnection();
        var clientSeq = 1;
        var session = LogOn(wire, _directory, _time, ref clientSeq, settings);
        QueueOpened(session, "ORD-1");
        wire.Accept = _ => 0;
        Assert.True(session.TrySendDurable());
        session.Logout("bye");

        _time.Advance(TimeSpan.FromSeconds(1));
        session.Tick();
        Assert.True(session.IsConnected);

        _time.Advance(TimeSpan.FromSeconds(1)); // LogoutTimeout=2
        session.Tick();
        Assert.False(session.IsConnected);
        Assert.True(wire.Closed);
        session.Dispose();
        Assert.Contains("Disconnected: Logout timeout (what its socket had not taken was not written)", Events(_directory));
    }

    [Fact]
    public void The_counterpartys_Logout_answered_while_its_socket_is_full_disconnects_after_LogoutTimeout_at_the_latest()
    {
        var wire = new PartialConnection();
        var clientSeq = 1;
        var session = LogOn(wire, _directory, _time, ref clientSeq, "SlowConsumerTimeout=0");
        QueueOpened(session, "ORD-1");
        wire.Accept = _ => 0;
        Assert.True(session.TrySendDurable());
        session.Next(ClientMessage(MsgTypes.Logout, clientSeq++));

        _time.Advance(TimeSpan.FromSeconds(1));
        session.Tick();
        Assert.True(session.IsConnected); // our Logout answer may still get out

        _time.Advance(TimeSpan.FromSeconds(1));
        session.Tick();
        Assert.False(session.IsConnected);
        session.Dispose();
        Assert.Contains("Disconnected: Logout (what its socket had not taken was not written)", Events(_directory));
    }

    [Fact]
    public async Task A_heartbeat_the_timer_queues_during_the_drains_last_write_goes_out_when_the_drain_ends_not_a_tick_later()
    {
        var wire = new PartialConnection();
        var clientSeq = 1;
        using var session = LogOn(wire, _directory, _time, ref clientSeq);
        QueueOpened(session, "ORD-1");
        wire.Accept = n => n / 2;
        Assert.True(session.TrySendDurable());
        QueueOpened(session, "ORD-2");
        Assert.True(session.TrySendDurable()); // left to the drain

        // The drain's second write (ORD-2, after the kept half of ORD-1) is its last: the timer ticks meanwhile.
        var writes = 0;
        _time.Advance(TimeSpan.FromSeconds(30));
        wire.Accept = n =>
        {
            if (++writes == 2)
            {
                Assert.True(Task.Run(session.Tick).Wait(TimeSpan.FromSeconds(30)));
            }

            return n;
        };
        wire.Wake();

        await wire.WaitForMessagesAsync(4);
        Assert.Equal([(MsgTypes.Logon, 1), (MsgTypes.ExecutionReport, 2), (MsgTypes.ExecutionReport, 3), (MsgTypes.Heartbeat, 4)],
            wire.Messages().Select(m => (m.MsgTypeString, m.MsgSeqNum)));
    }

    [Fact]
    public void A_slow_consumer_closed_while_its_drain_wakes_is_logged_as_a_slow_consumer_not_as_a_failed_write()
    {
        var wire = new PartialConnection();
        var clientSeq = 1;
        var session = LogOn(wire, _directory, _time, ref clientSeq, "SlowConsumerTimeout=20");
        QueueOpened(session, "ORD-1");
        wire.Accept = _ => 0;
        Assert.True(session.TrySendDurable());

        // The close wakes the drain, and it finds its write refused before the timer reports the disconnect.
        wire.OnDisconnect = () =>
        {
            wire.OnDisconnect = null;
            Assert.True(session.DrainThread!.Join(TimeSpan.FromSeconds(30)));
        };
        _time.Advance(TimeSpan.FromSeconds(20));
        session.Tick();

        Assert.False(session.IsConnected);
        session.Dispose();
        var events = Events(_directory);
        Assert.Contains("Disconnected: Slow consumer: nothing it was sent was read for 20 s (SlowConsumerTimeout)", events);
        Assert.DoesNotContain("Write failed", events);
    }

    private static void QueueOpened(FixSession session, params string[] clOrdIds)
    {
        var gates = clOrdIds.Select(id => new OutboundGate("FIX:CLIENT:D:" + id)).ToList();
        for (var i = 0; i < clOrdIds.Length; i++)
        {
            session.QueueConditional(MsgTypes.ExecutionReport, Body(clOrdIds[i]), gates[i]);
        }

        session.Flush();
        Assert.All(gates, g => Assert.True(session.Open(g)));
    }

    private static string Events(string directory) => File.ReadAllText(Path.Combine(directory, Id.FileStem + ".event.current.log"));

    private FixMessage ClientMessage(string msgType, int seq)
    {
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        FixEncoder.Encode(output, new FixHeader("FIX.4.4", "CLIENT", "TRADEFLOW", seq, _time.GetUtcNow().UtcDateTime),
            System.Text.Encoding.ASCII.GetBytes(msgType), new FixFieldWriter().Written);
        return FixMessage.Parse(output.WrittenSpan);
    }

    // Runs an action when a log line contains a text, on the thread that logs it.
    private sealed class HookLogger(string text, Action action) : ILogger
    {
        private int _ran;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (formatter(state, exception).Contains(text, StringComparison.Ordinal) && Interlocked.Exchange(ref _ran, 1) == 0)
            {
                action();
            }
        }
    }
}
