using System.Buffers;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Session;
using TradeFlow.Fix.Settings;
using TradeFlow.Fix.Store;

namespace TradeFlow.Fix.Tests.Session;

/// <summary>
/// A session driven without a socket: its connection records exactly what the session writes (and when), so a test can
/// say what has reached the wire at any point. Session TRADEFLOW&lt;-&gt;CLIENT, fake clock.
/// </summary>
internal sealed class DirectSession : IDisposable
{
    private int _clientSeq = 1;

    public DirectSession(IMessageStore store, IApplication? application = null)
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
        Session = new FixSession(settings, application ?? new RecordingApplication(), store, NullLogger.Instance, Time);
    }

    public FakeTimeProvider Time { get; } = new();

    public FixSession Session { get; }

    public RecordingConnection Wire { get; } = new();

    /// <summary>Connects and completes the Logon handshake (our Logon is the first message on the wire).</summary>
    public void LogOn()
    {
        Assert.True(Session.Connect(Wire));
        Receive(MsgTypes.Logon, b => { b.Add(Tags.EncryptMethod, 0); b.Add(Tags.HeartBtInt, 30); });
        Assert.Equal(MsgTypes.Logon, Wire.Next().MsgTypeString);
    }

    /// <summary>The counterparty's next message arrives.</summary>
    public void Receive(string msgType, Action<FixFieldWriter> body)
    {
        var writer = new FixFieldWriter();
        body(writer);
        var output = new ArrayBufferWriter<byte>();
        FixEncoder.Encode(output, new FixHeader("FIX.4.4", "CLIENT", "TRADEFLOW", _clientSeq++, Time.GetUtcNow().UtcDateTime),
            Encoding.ASCII.GetBytes(msgType), writer.Written);
        Session.Next(FixMessage.Parse(output.WrittenSpan));
    }

    public static FixFieldWriter Body(string clOrdId)
    {
        var body = new FixFieldWriter();
        body.Add(Tags.ClOrdID, clOrdId);
        return body;
    }

    public void Dispose() => Session.Dispose();

    /// <summary>Records every message written, in order.</summary>
    internal sealed class RecordingConnection : ISessionConnection
    {
        private readonly Queue<FixMessage> _written = new();

        public string RemoteAddress => "direct";

        public int Pending
        {
            get { lock (_written) { return _written.Count; } }
        }

        public void Send(ReadOnlySpan<byte> data)
        {
            var text = Encoding.ASCII.GetString(data);
            lock (_written)
            {
                foreach (var part in text.Split("8=FIX.4.4\u0001", StringSplitOptions.RemoveEmptyEntries))
                {
                    _written.Enqueue(FixMessage.Parse(Encoding.ASCII.GetBytes("8=FIX.4.4\u0001" + part)));
                }
            }
        }

        public void Disconnect()
        {
        }

        /// <summary>The next message written; fails when nothing (more) was written.</summary>
        public FixMessage Next()
        {
            lock (_written)
            {
                Assert.True(_written.Count > 0, "Nothing more was written to the wire");
                return _written.Dequeue();
            }
        }
    }
}
