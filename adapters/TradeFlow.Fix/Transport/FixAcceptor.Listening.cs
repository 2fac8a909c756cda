using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using Microsoft.Extensions.Logging;
using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Session;

namespace TradeFlow.Fix.Transport;

/// <summary>Accepting connections, the optional TLS handshake, and routing a connection to its session.</summary>
public sealed partial class FixAcceptor
{
    private async Task AcceptLoopAsync(Listener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.Socket.AcceptAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            socket.NoDelay = listener.NoDelay;
            Track(Task.Run(() => HandleConnectionAsync(socket, listener, cancellationToken), CancellationToken.None));
        }
    }

    private async Task HandleConnectionAsync(Socket socket, Listener listener, CancellationToken cancellationToken)
    {
        var stream = new NetworkStream(socket, ownsSocket: true);
        var connection = new FixConnection(socket, stream, WriteProbe);
        LogConnection(_logger, connection.RemoteAddress, listener.Endpoint!);
        if (listener.Certificate is not null)
        {
            var tls = new SslStream(stream, leaveInnerStreamOpen: false);
            try
            {
                await tls.AuthenticateAsServerAsync(TlsOptions(listener), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is AuthenticationException or IOException or OperationCanceledException)
            {
                LogTlsFailed(_logger, connection.RemoteAddress, e.Message);
                await tls.DisposeAsync().ConfigureAwait(false);
                return;
            }

            connection.UseStream(tls);
        }

        // A connection that never sends a Logon is not any session's yet, so the sessions' timers cannot close it.
        var logonTimeout = TimeSpan.FromSeconds(listener.LogonTimeout);
        var logonTimer = _time.CreateTimer(_ => { if (connection.Session is null) { connection.Disconnect(); } }, null, logonTimeout, Timeout.InfiniteTimeSpan);
        ConnectionAccepted?.Invoke(this, EventArgs.Empty);
        try
        {
            await connection.RunAsync((m, c) => Route(m, c, listener), r => LogGarbledBeforeLogon(_logger, connection.RemoteAddress, r), cancellationToken)
                .ConfigureAwait(false);
        }
        finally
        {
            await logonTimer.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static SslServerAuthenticationOptions TlsOptions(Listener listener) => new()
    {
        ServerCertificate = listener.Certificate,
        ClientCertificateRequired = listener.RequireClientCertificate,
        RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
            !listener.RequireClientCertificate || (certificate is not null && errors == SslPolicyErrors.None),
    };

    /// <summary>The session the first message belongs to: it must be a Logon for a configured session on this port.</summary>
    private FixSession? Route(FixMessage first, FixConnection connection, Listener listener)
    {
        var id = new SessionId(Text(first, Tags.BeginString), Text(first, Tags.TargetCompID), Text(first, Tags.SenderCompID));
        if (first.MsgTypeString != MsgTypes.Logon)
        {
            LogRefused(_logger, connection.RemoteAddress, id.ToString(), "first message is not a Logon");
            return null;
        }

        if (!listener.Sessions.Contains(id) || !Sessions.TryGet(id, out var session))
        {
            LogRefused(_logger, connection.RemoteAddress, id.ToString(), "unknown session (CompIDs or BeginString not configured)");
            return null;
        }

        return session.Connect(connection) ? session : null;
    }

    private static string Text(FixMessage message, int tag) =>
        message.TryGetValue(tag, out var value) ? Encoding.ASCII.GetString(value) : "";

    [LoggerMessage(Level = LogLevel.Information, Message = "FIX connection from {Remote} on {Endpoint}")]
    private static partial void LogConnection(ILogger logger, string remote, System.Net.IPEndPoint endpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "FIX connection from {Remote} refused for {SessionId}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string remote, string sessionId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "TLS handshake with {Remote} failed: {Reason}")]
    private static partial void LogTlsFailed(ILogger logger, string remote, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Garbled message from {Remote} before logon ignored: {Reason}")]
    private static partial void LogGarbledBeforeLogon(ILogger logger, string remote, string reason);
}
