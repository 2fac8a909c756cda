using System.Net;
using System.Net.Sockets;
using TradeFlow.Fix.Transport;

namespace TradeFlow.Fix.Tests.Transport;

public sealed class QuickAckTests
{
    private const int TcpQuickAck = 12;

    [Fact]
    public void A_requested_socket_is_in_quick_ack_mode()
    {
        if (!QuickAck.Supported)
        {
            return; // TCP_QUICKACK is Linux's; elsewhere Request does nothing.
        }

        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        client.Connect(listener.LocalEndPoint!);
        using var accepted = listener.Accept();
        // A connection that has answered something is one the kernel may hold ACKs back on.
        client.Send([1]);
        Assert.Equal(1, accepted.Receive(new byte[1]));
        accepted.Send([2]);
        Assert.Equal(1, client.Receive(new byte[1]));

        QuickAck.Request(accepted);

        var value = new byte[4];
        Assert.Equal(4, accepted.GetRawSocketOption((int)SocketOptionLevel.Tcp, TcpQuickAck, value));
        Assert.Equal(1, BitConverter.ToInt32(value));
    }

    [Fact]
    public void A_closed_socket_is_left_alone_for_its_read_to_report()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Dispose();

        QuickAck.Request(socket);
    }
}
