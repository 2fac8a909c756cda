using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using TradeFlow.EventSourcing.InMemory;
using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Session;
using TradeFlow.Fix.Tests.Session;
using TradeFlow.Fix.Transport;

namespace TradeFlow.Fix.Tests.TradeCapture;

/// <summary>
/// A client that stops reading holds no shared thread (session 11): the engine's publish thread and the gateway's
/// reply and store-flush threads never enter a blocking write (the transport's probe sees every write enter and leave
/// the socket), what its socket does not take waits for its session alone, every other session's answers arrive, and
/// after SlowConsumerTimeout seconds without progress it is disconnected; it recovers every answer by resend.
/// </summary>
public sealed class SlowClientTests : IDisposable
{
    private const int Limit = 20;
    private static readonly string[] SharedThreads = ["fix-replies", "fix-store-flush"];
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"tf-slow-client-{Guid.NewGuid():N}");
    private readonly FakeTimeProvider _time = new();
    private readonly SocketWriteProbe _probe = new();

    public SlowClientTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_client_that_stops_reading_holds_no_shared_thread_and_is_disconnected_after_the_limit_then_recovers_every_answer_by_resend()
    {
        using var journal = new InMemoryEventStore();
        await using var gateway = Start(journal);
        var orders = Orders();
        using (var stalled = await StopReadingAfterAsync(gateway, orders))
        {
            // Another session books and gets its answers while CLIENT1's wait for its socket.
            await using var other = await gateway.ConnectAsync("CLIENT2");
            await other.SendLogonAsync();
            await other.ExpectAsync(MsgTypes.Logon);
            await other.SendAsync(MsgTypes.NewOrderSingle, b => StoredAnswerTests.AddOrder(b, "OTHER-1"));
            await other.ExpectAsync(MsgTypes.ExecutionReport);
            await other.ExpectAsync(MsgTypes.ExecutionReport);
            AssertNoSharedThreadBlocked();

            // Not a second before the limit; at it, disconnected (the injected clock's ticks, no sleeping).
            _time.Advance(TimeSpan.FromSeconds(Limit - 1));
            Assert.True(gateway.SessionWith("CLIENT1").IsConnected);
            _time.Advance(TimeSpan.FromSeconds(1));
            Assert.False(gateway.SessionWith("CLIENT1").IsConnected);
        }

        // Logged on again, it asks for everything from its first answer and gets it whole, in order, as resends.
        await using var again = await gateway.ConnectAsync("CLIENT1");
        again.NextSeq = orders + 2;
        await again.SendLogonAsync();
        var logon = await again.ExpectAsync(MsgTypes.Logon);
        await again.SendAsync(MsgTypes.ResendRequest, b => { b.Add(Tags.BeginSeqNo, 2); b.Add(Tags.EndSeqNo, 0); });
        for (var seq = 2; seq <= 1 + (2 * orders); seq++)
        {
            var resent = await again.ExpectAsync(MsgTypes.ExecutionReport);
            Assert.Equal((seq, "Y"), (resent.MsgSeqNum, resent.GetString(Tags.PossDupFlag)));
        }

        Assert.Equal(logon.MsgSeqNum, (await again.ExpectAsync(MsgTypes.SequenceReset)).MsgSeqNum);
        AssertNoSharedThreadBlocked();
    }

    [Fact]
    public async Task A_client_that_reads_again_before_the_limit_gets_every_answer_whole_and_in_order()
    {
        using var journal = new InMemoryEventStore();
        await using var gateway = Start(journal);
        var orders = Orders();
        using var stalled = await StopReadingAfterAsync(gateway, orders);

        _time.Advance(TimeSpan.FromSeconds(Limit - 1));
        Assert.Equal(1 + (2 * orders), await ReadAnswersAsync(stalled.GetStream(), 1 + (2 * orders)));
        Assert.True(gateway.SessionWith("CLIENT1").IsConnected);
        AssertNoSharedThreadBlocked();
    }

    private CaptureGateway Start(InMemoryEventStore journal) =>
        CaptureGateway.Start(_directory, journal, _time, null, $"SlowConsumerTimeout={Limit}", _probe, "CLIENT1", "CLIENT2");

    // More answer bytes than the kernel can hold for this connection (the server's send buffer grows to tcp_wmem's
    // maximum at most, the client's receive buffer is fixed), at 2 reports of well over 200 bytes per order.
    private static int Orders() => (SendBufferLimit() + ReceiveBuffer) / 400 + 2_000;

    private const int ReceiveBuffer = 4096;

    // Logs CLIENT1 on and sends the orders without reading; returns once every answer was released and a write to
    // CLIENT1 left bytes behind (its socket full).
    private async Task<TcpClient> StopReadingAfterAsync(CaptureGateway gateway, int orders)
    {
        var stalled = new TcpClient { NoDelay = true, ReceiveBufferSize = ReceiveBuffer };
        await stalled.ConnectAsync(IPAddress.Loopback, gateway.Endpoint.Port);
        await stalled.GetStream().WriteAsync(Encode("CLIENT1", orders));
        await gateway.Outbox.WaitForOpenedAsync(Session("CLIENT1"), orders);
        await _probe.ShortWriteAsync(Session("CLIENT1")).WaitAsync(TimeSpan.FromSeconds(60));
        return stalled;
    }

    // No write that may block ran on the gateway's shared threads (nor anywhere: on plain TCP none blocks).
    private void AssertNoSharedThreadBlocked()
    {
        var writes = _probe.Entries();
        Assert.Contains(writes, w => !w.Blocking);
        Assert.DoesNotContain(writes, w => w.Blocking && SharedThreads.Contains(w.Thread));
        Assert.DoesNotContain(writes, w => w.Blocking);
    }

    private static SessionId Session(string client) => new("FIX.4.4", "TRADEFLOW", client);

    // tcp_wmem's third value bounds the send buffer's automatic growth; 4 MiB is Linux's default.
    private static int SendBufferLimit()
    {
        const string path = "/proc/sys/net/ipv4/tcp_wmem";
        return File.Exists(path)
            ? int.Parse(File.ReadAllText(path).Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries)[2], CultureInfo.InvariantCulture)
            : 4 << 20;
    }

    // A Logon then the orders, numbered 1.., as one block of bytes.
    private byte[] Encode(string sender, int orders)
    {
        var output = new ArrayBufferWriter<byte>();
        var body = new FixFieldWriter();
        body.Add(Tags.EncryptMethod, 0);
        body.Add(Tags.HeartBtInt, 30);
        Append(output, sender, 1, MsgTypes.Logon, body);
        for (var i = 1; i <= orders; i++)
        {
            body.Clear();
            AddSmallOrder(body, "SLOW-" + i.ToString(CultureInfo.InvariantCulture));
            Append(output, sender, i + 1, MsgTypes.NewOrderSingle, body);
        }

        return output.WrittenSpan.ToArray();
    }

    // One share each: thousands of them stay far inside the counterparty's limits, so CLIENT2's order is booked.
    private static void AddSmallOrder(FixFieldWriter body, string clOrdId)
    {
        var text = CaptureMessages.NewOrder(clOrdId, qty: "1").ToString();
        var start = text.IndexOf("|11=", StringComparison.Ordinal) + 1;
        var end = text.LastIndexOf("|10=", StringComparison.Ordinal) + 1;
        foreach (var field in text[start..end].Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = field.IndexOf('=', StringComparison.Ordinal);
            body.Add(int.Parse(field[..at], CultureInfo.InvariantCulture), field[(at + 1)..]);
        }
    }

    private void Append(ArrayBufferWriter<byte> output, string sender, int seq, string msgType, FixFieldWriter body) =>
        FixEncoder.Encode(output, new FixHeader("FIX.4.4", sender, "TRADEFLOW", seq, _time.GetUtcNow().UtcDateTime),
            Encoding.ASCII.GetBytes(msgType), body.Written);

    // Reads until `expected` messages have arrived: each must be the next MsgSeqNum (the Logon, then reports).
    private static async Task<int> ReadAnswersAsync(Stream stream, int expected)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var buffer = new byte[1 << 20];
        var message = new FixMessage();
        int filled = 0, count = 0;
        while (count < expected)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(filled), timeout.Token);
            Assert.True(read > 0, $"connection closed after {count} messages");
            filled += read;
            var offset = 0;
            while (FixParser.TryParse(buffer.AsSpan(offset, filled - offset), message, out var consumed, out _) == FixParseStatus.Complete)
            {
                count++;
                Assert.Equal(count, message.MsgSeqNum);
                Assert.Equal(count == 1 ? MsgTypes.Logon : MsgTypes.ExecutionReport, message.MsgTypeString);
                offset += consumed;
            }

            buffer.AsSpan(offset, filled - offset).CopyTo(buffer);
            filled -= offset;
        }

        return count;
    }
}
