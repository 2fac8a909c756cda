using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Session;
using static TradeFlow.Fix.Tests.Session.NonBlockingWriteTests;

namespace TradeFlow.Fix.Tests.Session;

/// <summary>
/// A counterparty that stops reading (session 11): what its socket does not take waits for the session's own drain, in
/// order and never overtaken, while every other writer returns at once; it is disconnected with the reason after
/// SlowConsumerTimeout seconds without progress, and what it missed reaches its next connection by resend only.
/// </summary>
public sealed class SlowConsumerTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"tf-slow-consumer-{Guid.NewGuid():N}");
    private readonly FakeTimeProvider _time = new();

    public SlowConsumerTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Whatever_part_of_a_write_the_socket_takes_the_rest_reaches_the_wire_whole_in_order_and_is_never_overtaken()
    {
        // Where the socket cuts the first write (nothing, one byte, inside the first header, inside a message, all but
        // one), and whether it cuts one of the drain's own writes too: its write of the kept bytes (1) or of what was
        // queued meanwhile (2).
        var cut = from kind in Gen.Choose(0, 4) from at in Gen.Choose(0, 100_000) select (kind, at);
        var cuts = from first in cut from again in Gen.Choose(0, 2) from drains in cut select (first, again, drains);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(40), Prop.ForAll(cuts.ToArbitrary(), c =>
        {
            var wire = new PartialConnection();
            using var session = LogOnFresh(wire);
            var before = wire.Length;
            QueueOpened(session, "ORD-1", "ORD-2");
            wire.Accept = WriteCuts(wire, c.first, c.again, c.drains);

            // The rest is the drain's: nothing is left for a thread that may block.
            Assert.True(session.TrySendDurable());
            var accepted = wire.Length - before;
            // Nothing queued later overtakes the rest: not the next order's answer, on any writer's path.
            Assert.True(session.Send(MsgTypes.ExecutionReport, Body("ORD-3")));
            Assert.True(session.TrySendDurable());
            session.SendDurable();
            Assert.Equal(before + accepted, wire.Length);

            wire.Wake();
            Assert.True(wire.WaitForMessagesAsync(4).Wait(TimeSpan.FromSeconds(30)));
            Assert.Equal([(MsgTypes.Logon, 1, null), (MsgTypes.ExecutionReport, 2, "ORD-1"), (MsgTypes.ExecutionReport, 3, "ORD-2"),
                (MsgTypes.ExecutionReport, 4, "ORD-3")], wire.Messages().Select(m => (m.MsgTypeString, m.MsgSeqNum, m.GetString(Tags.ClOrdID))));

            // Once the drain is over, writes are the callers' own again: the next answer is on the wire when Send returns.
            Assert.True(session.DrainThread!.Join(TimeSpan.FromSeconds(30)));
            Assert.True(session.Send(MsgTypes.ExecutionReport, Body("ORD-4")));
            Assert.Equal(5, wire.Messages().Count);
        }));
    }

    [Fact]
    public void A_counterparty_that_takes_nothing_for_SlowConsumerTimeout_seconds_is_disconnected_with_the_reason_and_not_before()
    {
        var wire = new PartialConnection();
        var session = LogOnFresh(wire, "SlowConsumerTimeout=20", out var directory);
        QueueOpened(session, "ORD-1");
        wire.Accept = _ => 0;
        Assert.True(session.TrySendDurable());

        _time.Advance(TimeSpan.FromSeconds(19));
        session.Tick();
        Assert.True(session.IsConnected);
        Assert.False(wire.Closed);

        _time.Advance(TimeSpan.FromSeconds(1));
        session.Tick();
        Assert.False(session.IsConnected);
        Assert.True(wire.Closed);
        session.Dispose();
        Assert.Contains("Slow consumer: nothing it was sent was read for 20 s", Events(directory));
    }

    [Fact]
    public async Task Any_byte_the_counterparty_takes_restarts_its_slow_consumer_clock()
    {
        var wire = new PartialConnection();
        using var session = LogOnFresh(wire, "SlowConsumerTimeout=20", out _);
        QueueOpened(session, "ORD-1");
        wire.Accept = _ => 0;
        Assert.True(session.TrySendDurable());
        _time.Advance(TimeSpan.FromSeconds(15));
        session.Tick();

        // It takes ten bytes, then nothing again: the limit counts from then.
        var before = wire.Length;
        await wire.TakeOnceAsync(10);
        Assert.Equal(before + 10, wire.Length);

        _time.Advance(TimeSpan.FromSeconds(19));
        session.Tick();
        Assert.True(session.IsConnected);
        _time.Advance(TimeSpan.FromSeconds(1));
        session.Tick();
        Assert.False(session.IsConnected);
    }

    [Fact]
    public async Task A_counterparty_that_reads_a_little_but_falls_more_than_MaxPendingBytes_behind_is_disconnected_with_the_reason()
    {
        var wire = new PartialConnection();
        var session = LogOnFresh(wire, "MaxPendingBytes=2000", out var directory);
        wire.Accept = _ => 0;
        var orders = 0;

        // Steady production; it takes ten bytes a second, so SlowConsumerTimeout never fires — only the cap can.
        while (session.IsConnected && orders < 100)
        {
            QueueOpened(session, $"ORD-{++orders}");
            Assert.True(session.TrySendDurable());
            await wire.TakeOnceAsync(10);
            _time.Advance(TimeSpan.FromSeconds(1));
            session.Tick();
        }

        Assert.False(session.IsConnected);
        Assert.True(wire.Closed);
        Assert.InRange(orders, 15, 30); // about 2000 bytes of answers (~100 bytes each), and not before
        session.Dispose();
        Assert.Matches(@"Disconnected: Slow consumer: \d+ bytes wait for its socket, more than 2000 \(MaxPendingBytes\)", Events(directory));
    }

    [Fact]
    public async Task A_write_the_connection_fails_disconnects_with_its_errno()
    {
        var wire = new PartialConnection();
        var application = new RecordingApplication();
        var session = LogOnFresh(wire, "", out var directory, application);
        QueueOpened(session, "ORD-1");
        wire.FailWith = 104; // ECONNRESET

        Assert.True(session.TrySendDurable());
        await application.LoggedOut.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(wire.Closed);
        session.Dispose();
        Assert.Contains("Write failed: errno 104 (", Events(directory));
    }

    [Fact]
    public void Bytes_left_for_a_connection_that_is_gone_never_reach_the_next_one_which_recovers_them_by_resend()
    {
        var first = new PartialConnection();
        var clientSeq = 1;
        var directory = NewDirectory();
        using var session = LogOn(first, directory, _time, ref clientSeq);
        QueueOpened(session, "ORD-1", "ORD-2");
        first.Accept = n => n / 2;
        Assert.True(session.TrySendDurable());

        // The connection is lost while half of it waits; the counterparty connects again and asks for everything.
        session.Disconnected(first, "Connection lost");
        var second = new PartialConnection();
        LogOnAgain(session, second, _time, ref clientSeq);
        first.MakeWritable();
        session.Next(Message(MsgTypes.ResendRequest, clientSeq, b => { b.Add(Tags.BeginSeqNo, 2); b.Add(Tags.EndSeqNo, 0); }));

        // Whole and in order, as resends (the new Logon, an admin message, comes back as a gap fill).
        Assert.Equal([(MsgTypes.Logon, 4, null, false), (MsgTypes.ExecutionReport, 2, "ORD-1", true), (MsgTypes.ExecutionReport, 3, "ORD-2", true),
            (MsgTypes.SequenceReset, 4, null, true)],
            second.Messages().Select(m => (m.MsgTypeString, m.MsgSeqNum, m.GetString(Tags.ClOrdID), m.GetString(Tags.PossDupFlag) == "Y")));
    }

    // The first non-blocking write takes what `first` says of the bytes offered. Until the test wakes the drain no other
    // write is made (every writer defers to it); after that each write takes everything — room again before the drain
    // has woken, so any writer but the drain that wrote now would put its bytes ahead of the kept ones — except the
    // drain's write `again` (1: of the kept bytes, 2: of what was queued meanwhile), cut as `drains` says, after which
    // the socket has room again (a wake).
    private static Func<int, int> WriteCuts(PartialConnection wire, (int Kind, int At) first, int again, (int Kind, int At) drains)
    {
        var writes = 0;
        return offered =>
        {
            writes++;
            if (writes == 1)
            {
                return Cut(first, offered);
            }

            if (again == 0 || writes != 1 + again)
            {
                return offered;
            }

            wire.Wake();
            return Cut(drains, offered);
        };
    }

    private static int Cut((int Kind, int At) cut, int offered) => cut.Kind switch
    {
        0 => 0,
        1 => 1,
        2 => Math.Min(offered - 1, 2 + (cut.At % 14)), // inside "8=FIX.4.4|9=…|35=8|"
        3 => 1 + (cut.At % Math.Max(1, offered - 1)),
        _ => offered - 1,
    };

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

    private FixSession LogOnFresh(PartialConnection wire) => LogOnFresh(wire, "", out _);

    private FixSession LogOnFresh(PartialConnection wire, string settings, out string directory, RecordingApplication? application = null)
    {
        directory = NewDirectory();
        var clientSeq = 1;
        return LogOn(wire, directory, _time, ref clientSeq, settings, application);
    }

    private string NewDirectory() => Directory.CreateDirectory(Path.Combine(_directory, Guid.NewGuid().ToString("N"))).FullName;

    private static string Events(string directory) => File.ReadAllText(Path.Combine(directory, Id.FileStem + ".event.current.log"));

    private FixMessage Message(string msgType, int seq, Action<FixFieldWriter> body)
    {
        var writer = new FixFieldWriter();
        body(writer);
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        FixEncoder.Encode(output, new FixHeader("FIX.4.4", "CLIENT", "TRADEFLOW", seq, _time.GetUtcNow().UtcDateTime),
            System.Text.Encoding.ASCII.GetBytes(msgType), writer.Written);
        return FixMessage.Parse(output.WrittenSpan);
    }
}
