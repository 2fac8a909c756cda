using System.Buffers;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Session;
using TradeFlow.Fix.Settings;
using TradeFlow.Fix.Store;

namespace TradeFlow.Fix.Tests.Session;

/// <summary>
/// <see cref="FixSession.TrySendDurable"/>, the write the engine's publish thread makes (session 10): it takes only what
/// a blocking write would (durable in the store, before the first closed gate) and never waits. What the socket does not
/// take (SlowConsumerTests) waits for the session's own drain.
/// </summary>
public sealed class NonBlockingWriteTests : IDisposable
{
    internal static readonly SessionId Id = new("FIX.4.4", "TRADEFLOW", "CLIENT");
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"tf-nonblocking-{Guid.NewGuid():N}");
    private readonly FakeTimeProvider _time = new();
    private int _clientSeq = 1;

    public NonBlockingWriteTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void An_opened_answer_whose_store_flush_has_not_completed_is_not_written_by_the_non_blocking_write()
    {
        var wire = new PartialConnection();
        using var session = LogOn(wire, _directory, _time, ref _clientSeq);
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
        using var session = LogOn(wire, _directory, _time, ref _clientSeq);
        var gate = new OutboundGate("FIX:CLIENT:D:ORD-1");
        session.QueueConditional(MsgTypes.ExecutionReport, Body("ORD-1"), gate);
        session.Flush();
        Assert.True(session.Open(gate));

        Assert.True(session.TrySendDurable());

        Assert.Equal([(MsgTypes.Logon, 1), (MsgTypes.ExecutionReport, 2)], wire.Messages().Select(m => (m.MsgTypeString, m.MsgSeqNum)));
        Assert.Equal(0, wire.BlockingWrites); // on a transport that can write without blocking, nothing blocks
    }

    [Fact]
    public void A_transport_that_cannot_write_without_blocking_leaves_the_write_to_a_blocking_writer()
    {
        var wire = new PartialConnection { Supported = false };
        using var session = LogOn(wire, _directory, _time, ref _clientSeq);
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
        using var session = LogOn(wire, _directory, _time, ref _clientSeq);
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

    internal static FixSession LogOn(PartialConnection wire, string directory, FakeTimeProvider time, ref int clientSeq, string extra = "",
        RecordingApplication? application = null, ILogger? logger = null)
    {
        var settings = SessionSettingsLoader.Parse($"""
            [DEFAULT]
            ConnectionType=acceptor
            SocketAcceptPort=0
            SenderCompID=TRADEFLOW
            BeginString=FIX.4.4
            UseDataDictionary=N
            NonStopSession=Y
            {extra}
            [SESSION]
            TargetCompID=CLIENT
            """, "direct.cfg")[0];
        var store = new LogMessageStore(directory, Id, new DateTime(2026, 3, 17, 0, 0, 0, DateTimeKind.Utc));
        var session = new FixSession(settings, application ?? new RecordingApplication(), store, logger ?? NullLogger.Instance, time, fileLogPath: directory);
        LogOnAgain(session, wire, time, ref clientSeq);
        return session;
    }

    /// <summary>Connects <paramref name="wire"/> and receives the counterparty's Logon.</summary>
    internal static void LogOnAgain(FixSession session, PartialConnection wire, FakeTimeProvider time, ref int clientSeq)
    {
        Assert.True(session.Connect(wire));
        var logon = new FixFieldWriter();
        logon.Add(Tags.EncryptMethod, 0);
        logon.Add(Tags.HeartBtInt, 30);
        var output = new ArrayBufferWriter<byte>();
        FixEncoder.Encode(output, new FixHeader("FIX.4.4", "CLIENT", "TRADEFLOW", clientSeq++, time.GetUtcNow().UtcDateTime),
            Encoding.ASCII.GetBytes(MsgTypes.Logon), logon.Written);
        session.Next(FixMessage.Parse(output.WrittenSpan));
    }

    internal static FixFieldWriter Body(string clOrdId)
    {
        var body = new FixFieldWriter();
        body.Add(Tags.ClOrdID, clOrdId);
        return body;
    }
}
