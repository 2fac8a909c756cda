using System.Net.Security;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using TradeFlow.Fix.Session;
using TradeFlow.Fix.Settings;

namespace TradeFlow.Fix.Transport;

/// <summary>
/// Connects the configured initiator sessions, logs them on, and reconnects every ReconnectInterval after a
/// connection ends (while inside the session schedule). The same <see cref="FixSession"/> state machine as the
/// acceptor runs on each connection.
/// </summary>
public sealed partial class FixInitiator : IAsyncDisposable
{
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _loops = [];
    private ITimer? _timer;
    private int _started;

    /// <summary>Creates the initiator and its sessions (stores open now; nothing connects until <see cref="Start"/>).</summary>
    public FixInitiator(IEnumerable<SessionSettings> settings, IApplication application, ILoggerFactory loggerFactory, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _logger = loggerFactory.CreateLogger<FixInitiator>();
        _time = timeProvider ?? TimeProvider.System;
        foreach (var s in settings.Where(s => s.ConnectionType == ConnectionType.Initiator))
        {
            Sessions.Add(SessionFactory.Create(s, application, loggerFactory, _time));
        }

        if (Sessions.All.Count == 0)
        {
            throw new ArgumentException("No initiator session is configured", nameof(settings));
        }
    }

    /// <summary>The initiator's sessions, for <see cref="SessionRegistry.SendToTarget"/>.</summary>
    public SessionRegistry Sessions { get; } = new();

    /// <summary>True when <paramref name="sessionId"/> is logged on.</summary>
    public bool IsLoggedOn(SessionId sessionId) => Sessions.TryGet(sessionId, out var s) && s.IsLoggedOn;

    /// <summary>Starts connecting every session, and the once-a-second session timer.</summary>
    public void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("The initiator is already started");
        }

        foreach (var session in Sessions.All)
        {
            _loops.Add(Task.Run(() => ConnectLoopAsync(session, _stopping.Token)));
        }

        _timer = _time.CreateTimer(_ => TickAll(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <summary>Logs every session out (waiting up to LogoutTimeout for the answers) and stops reconnecting.</summary>
    public async Task StopAsync()
    {
        if (Volatile.Read(ref _started) == 0 || _stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var session in Sessions.All)
        {
            session.Logout();
        }

        var deadline = DateTime.UtcNow.AddSeconds(Sessions.All.Max(s => s.Settings.LogoutTimeout));
        while (Sessions.All.Any(s => s.IsConnected) && DateTime.UtcNow < deadline)
        {
            // Waiting for the counterparties' Logout answers: a bounded poll at shutdown, off every hot path.
            await Task.Delay(20).ConfigureAwait(false);
        }

        foreach (var session in Sessions.All)
        {
            session.CloseConnection("Initiator stopped");
        }

        if (_timer is not null)
        {
            await _timer.DisposeAsync().ConfigureAwait(false);
        }

        await Task.WhenAll(_loops).ConfigureAwait(false);
    }

    /// <summary>Stops and closes every session's store.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        foreach (var session in Sessions.All)
        {
            session.Dispose();
        }

        _stopping.Dispose();
    }

    private async Task ConnectLoopAsync(FixSession session, CancellationToken cancellationToken)
    {
        var settings = session.Settings;
        while (!cancellationToken.IsCancellationRequested)
        {
            if (settings.Schedule.IsInSession(_time.GetUtcNow().UtcDateTime))
            {
                await ConnectOnceAsync(session, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(settings.ReconnectInterval), _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ConnectOnceAsync(FixSession session, CancellationToken cancellationToken)
    {
        var settings = session.Settings;
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = settings.SocketNodelay };
        try
        {
            await socket.ConnectAsync(settings.SocketConnectHost!, settings.SocketConnectPort, cancellationToken).ConfigureAwait(false);
            Stream stream = new NetworkStream(socket, ownsSocket: true);
            if (settings.SslEnable)
            {
                var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                await tls.AuthenticateAsClientAsync(settings.SocketConnectHost!).ConfigureAwait(false);
                stream = tls;
            }

            var connection = new FixConnection(socket, stream);
            if (!session.Connect(connection))
            {
                connection.Disconnect();
                return;
            }

            connection.Attach(session);
            session.InitiateLogon();
            await connection.RunAsync((_, _) => null, _ => { }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or IOException or System.Security.Authentication.AuthenticationException or OperationCanceledException)
        {
            LogConnectFailed(_logger, session.SessionId, e.Message);
            socket.Dispose();
        }
    }

    private void TickAll()
    {
        foreach (var session in Sessions.All)
        {
            try
            {
                session.Tick();
            }
#pragma warning disable CA1031 // One session's failure must not stop the other sessions' timers.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogTickFailed(_logger, e, session.SessionId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "FIX session {SessionId} could not connect: {Reason}")]
    private static partial void LogConnectFailed(ILogger logger, SessionId sessionId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer of session {SessionId} failed")]
    private static partial void LogTickFailed(ILogger logger, Exception exception, SessionId sessionId);
}
