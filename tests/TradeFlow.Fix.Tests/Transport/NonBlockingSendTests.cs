using System.Net;
using System.Net.Sockets;
using TradeFlow.Fix.Session;
using TradeFlow.Fix.Transport;

namespace TradeFlow.Fix.Tests.Transport;

/// <summary>
/// The <c>send(2)</c> with <c>MSG_DONTWAIT</c> behind every write on plain TCP (Linux): it takes what fits and says how
/// much, never waits for a peer that stopped reading, and reports the <c>errno</c> of a connection that failed.
/// </summary>
public sealed class NonBlockingSendTests
{
    [Fact]
    public async Task A_full_socket_takes_part_then_nothing_and_never_waits()
    {
        if (!NonBlockingSend.Supported)
        {
            return; // Linux only: elsewhere every write is a blocking one
        }

        var (client, server) = await PairAsync();
        using (client)
        using (server)
        {
            var block = new byte[1 << 20];
            var accepted = 0L;
            SendOutcome outcome;
            // The peer reads nothing: the kernel's buffers fill within a few megabytes, then the send takes nothing.
            while ((outcome = NonBlockingSend.TrySend(server, block)).Bytes > 0)
            {
                accepted += outcome.Bytes;
                Assert.True(accepted < 1L << 30, "the socket never filled");
            }

            Assert.False(outcome.IsFailure);
            Assert.True(accepted > 0);
        }
    }

    [Fact]
    public async Task A_send_on_a_connection_the_peer_reset_fails_with_its_errno()
    {
        if (!NonBlockingSend.Supported)
        {
            return; // Linux only: elsewhere every write is a blocking one
        }

        var (client, server) = await PairAsync();
        using (server)
        {
            // Closing with a zero linger sends a RST: the next sends fail with ECONNRESET (104) or EPIPE (32).
            client.LingerState = new LingerOption(true, 0);
            client.Close();
            var outcome = SendOutcome.Accepted(0);
            for (var i = 0; i < 100 && !outcome.IsFailure; i++)
            {
                outcome = NonBlockingSend.TrySend(server, new byte[64]);
                if (!outcome.IsFailure)
                {
                    // The RST may not have arrived yet: wait for it the way the drain would.
                    server.Poll(TimeSpan.FromSeconds(1), SelectMode.SelectRead);
                }
            }

            Assert.True(outcome.IsFailure, "the send on a reset connection did not fail");
            Assert.Contains(outcome.Errno, (int[])[104, 32]);
            Assert.Contains($"errno {outcome.Errno} (", outcome.Describe());
        }
    }

    private static async Task<(Socket Client, Socket Server)> PairAsync()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
        await client.ConnectAsync(listener.LocalEndPoint!);
        var server = await listener.AcceptAsync();
        return (client, server);
    }
}
