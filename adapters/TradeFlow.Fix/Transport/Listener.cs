using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using TradeFlow.Fix.Session;
using TradeFlow.Fix.Settings;

namespace TradeFlow.Fix.Transport;

/// <summary>One listening socket and the sessions accepted on it; TLS settings come from its first session.</summary>
internal sealed class Listener : IDisposable
{
    private readonly SessionSettings _first;
    private Socket? _socket;

    public Listener(SessionSettings first)
    {
        _first = first;
        if (first.SslEnable)
        {
            Certificate = X509CertificateLoader.LoadPkcs12FromFile(first.SslCertificate!, first.SslCertificatePassword);
        }
    }

    public HashSet<SessionId> Sessions { get; } = [];

    public IPEndPoint? Endpoint { get; private set; }

    public X509Certificate2? Certificate { get; }

    public bool RequireClientCertificate => _first.SslRequireClientCertificate;

    public bool NoDelay => _first.SocketNodelay;

    public int LogonTimeout => _first.LogonTimeout;

    public Socket Socket => _socket ?? throw new InvalidOperationException("Not bound");

    public void Bind()
    {
        var address = _first.SocketAcceptHost is { } host
            ? (IPAddress.TryParse(host, out var ip) ? ip : Dns.GetHostAddresses(host)[0])
            : IPAddress.Any;
        _socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        _socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _socket.Bind(new IPEndPoint(address, _first.SocketAcceptPort));
        _socket.Listen(128);
        Endpoint = (IPEndPoint)_socket.LocalEndPoint!;
    }

    public void Dispose()
    {
        _socket?.Dispose();
        Certificate?.Dispose();
    }
}
