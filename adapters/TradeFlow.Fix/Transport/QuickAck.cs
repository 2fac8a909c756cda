using System.Net.Sockets;

namespace TradeFlow.Fix.Transport;

/// <summary>
/// Asks the kernel to acknowledge what the counterparty sends at once (<c>TCP_QUICKACK</c>, Linux) rather than hold the
/// ACK back to ride on our next message.
/// </summary>
/// <remarks>
/// Why (session 12): an initiator with Nagle's algorithm on — QuickFIX C++'s default, <c>SocketNodelay=N</c> — sends a
/// small message only once everything it sent before is acknowledged. Linux delays the ACK of a connection that
/// answers (it waits to piggyback it on the answer), and our answers wait for the journal's fsync: so each order sent
/// while an earlier one was unanswered sat in the client until our next answers went out, and reached the engine in a
/// burst one group commit late (at 5,000/s one socket read per commit, ~9 orders each; docs/benchmarks.md). The mode is
/// not sticky — the kernel leaves it as the connection goes on — so the reader asks again before every read: one
/// <c>setsockopt</c> per read.
/// </remarks>
internal static class QuickAck
{
    private const int TcpQuickAck = 12; // TCP_QUICKACK, linux/tcp.h

    // The option's value, an int 1 in the machine's byte order: made once, so that a read allocates nothing.
    private static readonly byte[] On = BitConverter.GetBytes(1);

    /// <summary>Whether <see cref="Request"/> does anything here (Linux).</summary>
    public static bool Supported { get; } = OperatingSystem.IsLinux();

    /// <summary>
    /// Puts <paramref name="socket"/> in quick-ACK mode. A socket closed meanwhile is left alone: the read that follows
    /// reports it.
    /// </summary>
    public static void Request(Socket socket)
    {
        if (!Supported)
        {
            return;
        }

        try
        {
            socket.SetRawSocketOption((int)SocketOptionLevel.Tcp, TcpQuickAck, On);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Closed or reset: the read that follows fails with the reason, and the connection ends there.
        }
    }
}
