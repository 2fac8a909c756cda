using System.Buffers;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Session;
using TradeFlow.Fix.Settings;
using TradeFlow.Fix.Store;

namespace TradeFlow.Fix.Tests.Session;

/// <summary>
/// <see cref="FixSession.TrySendDurable"/>, the write the engine's publish thread makes (session 10): it takes only what
/// a blocking write would (durable in the store, before the first closed gate), never waits, and when the socket takes
/// only part, the rest goes first with the next blocking write, so the wire stays whole and in MsgSeqNum order.
/// </summary>
public sealed class NonBlockingWriteTests : IDisposable
{
    private static readonly SessionId Id = new("FIX.4.4", "TRADEFLOW", "CLIENT");
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"tf-nonblocking-{Guid.NewGuid():N}");
    private readonly FakeTimeProvider _time = new();
    private int _clientSeq = 1;

    public NonBlockingWriteTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void An_opened_answer_whose_store_flush_has_not_completed_is_not_written_by_the_non_blocking_write()
    {
        var wire = new PartialConnection();
        using var session = LogOn(wire);
        var gate = new OutboundGate("FIX:CLIENT:D:ORD-1");
        session.QueueConditional(MsgTypes.ExecutionReport, Body("ORD-1"), gate);
        Assert.True(session.Open(gate));

        // Opened but not yet durable in the FIX store: nothing is sendable, so nothing is left for a blocking writer.
        Assert.True(session.TrySendDurable());
        Assert.Equal([MsgTypes.Logon], wire.Messages().Select(m => m.MsgTypeString));

        session.Flush();
        Assert.Equal([(MsgTypes.Logon, 1), (MsgTypes.ExecutionReport, 2)], wire.Messages().Select(m => (m.MsgTypeString, m.MsgSeqNum)));
    }

    [Fact]
    public void A_durable_opened_answer_is_written_at_once_when_the_socket_accepts_it()
    {
        var wire = new PartialConnection();
        using var session = LogOn(wire);
        var gate = new OutboundGate("FIX:CLIENT:D:ORD-1");
        session.QueueConditional(MsgTypes.ExecutionReport, Body("ORD-1"), gate);
        session.Flush();
        Assert.True(session.Open(gate));

        Assert.True(session.TrySendDurable());

        Assert.Equal([(MsgTypes.Logon, 1), (MsgTypes.ExecutionReport, 2)], wire.Messages().Select(m => (m.MsgTypeString, m.MsgSeqNum)));
        Assert.Equal(1, wire.BlockingWrites); // only the Logon answer took the blocking path
    }

    [Fact]
    public void What_the_socket_did_not_accept_goes_first_with_the_next_blocking_write_whole_and_in_order()
    {
        var wire = new PartialConnection();
        using var session = LogOn(wire);
        var first = new OutboundGate("FIX:CLIENT:D:ORD-1");
        var second = new OutboundGate("FIX:CLIENT:D:ORD-2");
        session.QueueConditional(MsgTypes.ExecutionReport, Body("ORD-1"), first);
        session.QueueConditional(MsgTypes.ExecutionReport, Body("ORD-2"), second);
        session.Flush();
        Assert.True(session.Open(first));
        Assert.True(session.Open(second));

        // The socket takes 40 bytes (part of ORD-1's report): the caller must hand the rest to a blocking writer.
        wire.Room = 40;
        Assert.False(session.TrySendDurable());
        // While the rest waits, a further write that never blocks must not overtake it.
        wire.Room = int.MaxValue;
        Assert.False(session.TrySendDurable());
        Assert.True(session.Send(MsgTypes.ExecutionReport, Body("ORD-3")));

        Assert.Equal([(MsgTypes.Logon, 1, null), (MsgTypes.ExecutionReport, 2, "ORD-1"), (MsgTypes.ExecutionReport, 3, "ORD-2"),
            (MsgTypes.ExecutionReport, 4, "ORD-3")], wire.Messages().Select(m => (m.MsgTypeString, m.MsgSeqNum, m.GetString(Tags.ClOrdID))));
    }

    [Fact]
    public void A_transport_that_cannot_write_without_blocking_leaves_the_write_to_a_blocking_writer()
    {
        var wire = new PartialConnection { Supported = false };
        using var session = LogOn(wire);
        var gate = new OutboundGate("FIX:CLIENT:D:ORD-1");
        session.QueueConditional(MsgTypes.ExecutionReport, Body("ORD-1"), gate);
        session.Flush();
        Assert.True(session.Open(gate));

        Assert.False(session.TrySendDurable());
        Assert.Single(wire.Messages());

        session.SendDurable();
        Assert.Equal([MsgTypes.Logon, MsgTypes.ExecutionReport], wire.Messages().Select(m => m.MsgTypeString));
    }

    [Fact]
    public void A_heartbeat_the_timer_queues_during_the_non_blocking_write_is_left_to_a_blocking_writer_not_to_the_next_tick()
    {
        var wire = new PartialConnection();
        using var session = LogOn(wire);
        var gate = new OutboundGate("FIX:CLIENT:D:ORD-1");
        session.QueueConditional(MsgTypes.ExecutionReport, Body("ORD-1"), gate);
        session.Flush();
        Assert.True(session.Open(gate));

        // The timer ticks on its own thread while the publish thread's write is in the socket: it queues a Heartbeat,
        // makes it durable, finds the send gate taken and leaves.
        _time.Advance(TimeSpan.FromSeconds(30));
        wire.DuringNextTrySend = () => Assert.True(Task.Run(session.Tick).Wait(TimeSpan.FromSeconds(30)));

        Assert.False(session.TrySendDurable());
        session.SendDurable();
        Assert.Equal([(MsgTypes.Logon, 1), (MsgTypes.ExecutionReport, 2), (MsgTypes.Heartbeat, 3)],
            wire.Messages().Select(m => (m.MsgTypeString, m.MsgSeqNum)));
    }

    private FixSession LogOn(PartialConnection wire)
    {
        var settings = SessionSettingsLoader.Parse("""
            [DEFAULT]
            ConnectionType=acceptor
            SocketAcceptPort=0
            SenderCompID=TRADEFLOW
            BeginString=FIX.4.4
            UseDataDictionary=N
            NonStopSession=Y
            [SESSION]
            TargetCompID=CLIENT
            """, "direct.cfg")[0];
        var store = new LogMessageStore(_directory, Id, new DateTime(2026, 3, 17, 0, 0, 0, DateTimeKind.Utc));
        var session = new FixSession(settings, new RecordingApplication(), store, NullLogger.Instance, _time);
        Assert.True(session.Connect(wire));
        var logon = new FixFieldWriter();
        logon.Add(Tags.EncryptMethod, 0);
        logon.Add(Tags.HeartBtInt, 30);
        var output = new ArrayBufferWriter<byte>();
        FixEncoder.Encode(output, new FixHeader("FIX.4.4", "CLIENT", "TRADEFLOW", _clientSeq++, _time.GetUtcNow().UtcDateTime),
            Encoding.ASCII.GetBytes(MsgTypes.Logon), logon.Written);
        session.Next(FixMessage.Parse(output.WrittenSpan));
        return session;
    }

    private static FixFieldWriter Body(string clOrdId)
    {
        var body = new FixFieldWriter();
        body.Add(Tags.ClOrdID, clOrdId);
        return body;
    }

    /// <summary>A byte stream whose non-blocking write accepts at most <see cref="Room"/> bytes per call.</summary>
    private sealed class PartialConnection : ISessionConnection
    {
        private readonly List<byte> _bytes = [];

        public int Room { get; set; } = int.MaxValue;

        public bool Supported { get; init; } = true;

        public int BlockingWrites { get; private set; }

        public string RemoteAddress => "partial";

        public bool CanSendWithoutBlocking => Supported;

        public void Send(ReadOnlySpan<byte> data)
        {
            BlockingWrites++;
            _bytes.AddRange(data);
        }

        /// <summary>Runs inside the next non-blocking write, while its caller holds the send gate.</summary>
        public Action? DuringNextTrySend { get; set; }

        public int TrySendNow(ReadOnlySpan<byte> data)
        {
            var during = DuringNextTrySend;
            DuringNextTrySend = null;
            during?.Invoke();
            var accepted = Math.Min(Room, data.Length);
            _bytes.AddRange(data[..accepted]);
            return accepted;
        }

        public void Disconnect()
        {
        }

        /// <summary>Every message on the wire so far; fails if the bytes do not frame as whole messages.</summary>
        public List<FixMessage> Messages()
        {
            var bytes = _bytes.ToArray();
            var messages = new List<FixMessage>();
            var offset = 0;
            while (offset < bytes.Length)
            {
                var message = new FixMessage();
                Assert.Equal(FixParseStatus.Complete, FixParser.TryParse(bytes.AsSpan(offset), message, out var consumed, out _));
                messages.Add(message);
                offset += consumed;
            }

            return messages;
        }
    }
}
