using System.Buffers;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Channels;
using TradeFlow.Fix.Codec;

namespace TradeFlow.Fix.Tests.Session;

/// <summary>
/// The other side of a scripted conversation: a raw socket and the codec. It sends exactly what a test says
/// (numbering its messages itself unless told otherwise) and awaits each expected message with a generous timeout,
/// failing with what actually arrived.
/// </summary>
internal sealed class ScriptedCounterparty : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly TcpClient _client;
    private readonly Stream _stream;
    private readonly TimeProvider _time;
    private readonly Channel<FixMessage> _inbox = Channel.CreateUnbounded<FixMessage>();
    private readonly Task _reader;

    private ScriptedCounterparty(TcpClient client, Stream stream, TimeProvider time, string sender, string target)
    {
        _client = client;
        _stream = stream;
        _time = time;
        SenderCompID = sender;
        TargetCompID = target;
        _reader = Task.Run(ReadLoopAsync);
    }

    public string SenderCompID { get; }

    public string TargetCompID { get; }

    /// <summary>The MsgSeqNum the next <see cref="SendAsync"/> uses unless given one.</summary>
    public int NextSeq { get; set; } = 1;

    public static async Task<ScriptedCounterparty> ConnectAsync(
        IPEndPoint endpoint, TimeProvider time, string sender = "CLIENT", string target = "TRADEFLOW", X509Certificate2? trustedServerCertificate = null)
    {
        var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(IPAddress.Loopback, endpoint.Port);
        Stream stream = client.GetStream();
        if (trustedServerCertificate is not null)
        {
            // The test's self-signed certificate is trusted by pinning it, not by trusting anything.
            var ssl = new SslStream(stream, leaveInnerStreamOpen: false,
                (_, certificate, _, _) => certificate is not null && certificate.GetCertHashString() == trustedServerCertificate.GetCertHashString());
            await ssl.AuthenticateAsClientAsync("localhost");
            stream = ssl;
        }

        return new ScriptedCounterparty(client, stream, time, sender, target);
    }

    public Task SendLogonAsync(int heartBtInt = 30, bool reset = false, string? username = null, string? password = null, int? seq = null) =>
        SendAsync(MsgTypes.Logon, b =>
        {
            b.Add(Tags.EncryptMethod, 0);
            b.Add(Tags.HeartBtInt, heartBtInt);
            if (reset)
            {
                b.Add(Tags.ResetSeqNumFlag, true);
            }

            if (username is not null)
            {
                b.Add(Tags.Username, username);
            }

            if (password is not null)
            {
                b.Add(Tags.Password, password);
            }
        }, seq);

    /// <summary>Encodes and sends one message; header fields may be overridden to script faults.</summary>
    public async Task SendAsync(
        string msgType,
        Action<FixFieldWriter>? body = null,
        int? seq = null,
        bool possDup = false,
        DateTime? origSendingTime = null,
        DateTime? sendingTime = null,
        string? sender = null,
        string? target = null,
        string beginString = "FIX.4.4")
    {
        var writer = new FixFieldWriter();
        body?.Invoke(writer);
        var number = seq ?? NextSeq++;
        var header = new FixHeader(beginString, sender ?? SenderCompID, target ?? TargetCompID, number,
            sendingTime ?? _time.GetUtcNow().UtcDateTime, possDup, origSendingTime);
        var output = new ArrayBufferWriter<byte>();
        FixEncoder.Encode(output, header, System.Text.Encoding.ASCII.GetBytes(msgType), writer.Written);
        await SendRawAsync(output.WrittenMemory.ToArray());
    }

    public async Task SendRawAsync(byte[] bytes)
    {
        await _stream.WriteAsync(bytes);
        await _stream.FlushAsync();
    }

    /// <summary>The next message, which must be of <paramref name="msgType"/>.</summary>
    public async Task<FixMessage> ExpectAsync(string msgType)
    {
        var message = await ReceiveAsync($"35={msgType}");
        Assert.True(message.MsgTypeString == msgType, $"Expected 35={msgType} but received {message}");
        return message;
    }

    /// <summary>The next message whatever its type (the fuzz test classifies what comes back itself).</summary>
    public async Task<FixMessage> ReceiveAsync(string expecting = "a message")
    {
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            return await _inbox.Reader.ReadAsync(timeout.Token);
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException($"Connection closed while expecting {expecting}");
        }
    }

    /// <summary>Waits for the acceptor to close the connection; fails if anything else arrives first.</summary>
    public async Task ExpectDisconnectAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (await _inbox.Reader.WaitToReadAsync(timeout.Token))
        {
            var unexpected = await _inbox.Reader.ReadAsync(timeout.Token);
            Assert.Fail($"Expected a disconnect but received {unexpected}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _reader;
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[1 << 16];
        var filled = 0;
        try
        {
            while (true)
            {
                var read = await _stream.ReadAsync(buffer.AsMemory(filled));
                if (read == 0)
                {
                    break;
                }

                filled += read;
                var offset = 0;
                var message = new FixMessage();
                while (FixParser.TryParse(buffer.AsSpan(offset, filled - offset), message, out var consumed, out _) is var status
                       && status != FixParseStatus.Incomplete)
                {
                    offset += consumed;
                    if (status == FixParseStatus.Complete)
                    {
                        _inbox.Writer.TryWrite(message.Clone());
                    }
                }

                buffer.AsSpan(offset, filled - offset).CopyTo(buffer);
                filled -= offset;
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException)
        {
            // The acceptor closed the connection: that is what ExpectDisconnectAsync waits for.
        }
        finally
        {
            _inbox.Writer.TryComplete();
        }
    }
}
