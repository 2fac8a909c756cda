using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using TradeFlow.EventSourcing.InMemory;
using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Session;
using TradeFlow.Fix.Tests.Session;

namespace TradeFlow.Fix.Tests.TradeCapture;

/// <summary>
/// The engine's publish thread writes released answers to the socket itself (session 10), so a client that stops
/// reading must never hold it: its writes there never block, and what the socket will not take is left to the
/// gateway's own threads. The engine keeps booking, and durably completing, every other session's orders.
/// </summary>
public sealed class SlowClientTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"tf-slow-client-{Guid.NewGuid():N}");
    private readonly FakeTimeProvider _time = new();

    public SlowClientTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_client_that_stops_reading_does_not_stop_the_engine_booking_another_sessions_orders()
    {
        using var journal = new InMemoryEventStore();
        await using var gateway = CaptureGateway.Start(_directory, journal, _time, recoverFrom: null, "CLIENT1", "CLIENT2");
        using var stalled = new TcpClient { NoDelay = true, ReceiveBufferSize = 4096 };
        await stalled.ConnectAsync(IPAddress.Loopback, gateway.Endpoint.Port);
        // More answer bytes than the kernel can hold for this connection (the server's send buffer grows to tcp_wmem's
        // maximum at most, the client's receive buffer is fixed), at 2 reports of well over 200 bytes per order: once
        // every order is answered, the rest waits in the gateway with its writer blocked on this socket.
        var orders = (SendBufferLimit() + stalled.ReceiveBufferSize) / 400 + 2_000;
        await stalled.GetStream().WriteAsync(Encode("CLIENT1", orders));

        // Awaited: one of the gateway's writes to CLIENT1 that may block has not returned for 10 s — its socket is full
        // (a flush's fsync takes milliseconds, a second or two at worst on a loaded disk; the check below proves the write stayed blocked).
        var blocked = await BlockedWriterAsync(gateway, Session("CLIENT1"));

        await using var other = await gateway.ConnectAsync("CLIENT2");
        await other.SendLogonAsync();
        await other.ExpectAsync(MsgTypes.Logon);
        await other.SendAsync(MsgTypes.NewOrderSingle, b => StoredAnswerTests.AddOrder(b, "OTHER-1"));
        await gateway.Outbox.WaitForOpenedAsync(Session("CLIENT2"), 1);

        // The engine booked CLIENT2's order and reported it durable (the publish thread released its answer) while
        // that CLIENT1 write stayed blocked throughout.
        Assert.True(gateway.Bookings.TryFind("CLIENT2", MsgTypes.NewOrderSingle, "OTHER-1", out _));
        Assert.True(gateway.Outbox.IsFlushing(blocked), "the write to CLIENT1 returned before CLIENT2's order was booked");

        // When the client reads again it gets every answer, whole and in MsgSeqNum order.
        Assert.Equal(1 + 2 * orders, await ReadAnswersAsync(stalled.GetStream(), 1 + 2 * orders));
    }

    private static async Task<long> BlockedWriterAsync(CaptureGateway gateway, SessionId session)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        long call;
        while ((call = gateway.Outbox.FlushUnderWayFor(session, TimeSpan.FromSeconds(10))) == 0)
        {
            await Task.Delay(20, timeout.Token);
        }

        return call;
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
