using System.Net;
using Microsoft.Extensions.Logging;
using TradeFlow.Fix.Session;
using TradeFlow.Fix.Settings;

namespace TradeFlow.Fix.Transport;

/// <summary>
/// Accepts FIX connections for the configured acceptor sessions: one listening socket per (SocketAcceptHost,
/// SocketAcceptPort), many sessions per socket, each connection routed to its session by the CompIDs of its Logon.
/// Unknown CompIDs are logged and the connection closed without a reply.
/// </summary>
public sealed partial class FixAcceptor : IAsyncDisposable
{
    private readonly IApplication _application;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly List<Listener> _listeners = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _connectionsLock = new();
    private readonly List<Task> _connectionTasks = [];
    private ITimer? _timer;
    private int _started;
    private int _stopped;

    /// <summary>Creates the acceptor and its sessions (the stores open now; nothing listens until <see cref="Start"/>).</summary>
    public FixAcceptor(IEnumerable<SessionSettings> settings, IApplication application, ILoggerFactory loggerFactory, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _application = application;
        _logger = loggerFactory.CreateLogger<FixAcceptor>();
        _time = timeProvider ?? TimeProvider.System;
        foreach (var group in settings.Where(s => s.ConnectionType == ConnectionType.Acceptor)
                     .GroupBy(s => (s.SocketAcceptHost, s.SocketAcceptPort)))
        {
            var listener = new Listener(group.First());
            foreach (var s in group)
            {
                var session = SessionFactory.Create(s, application, loggerFactory, _time);
                session.LoggedOnChanged += OnLoggedOnChanged;
                Sessions.Add(session);
                listener.Sessions.Add(s.SessionId);
            }

            _listeners.Add(listener);
        }

        if (_listeners.Count == 0)
        {
            throw new ArgumentException("No acceptor session is configured", nameof(settings));
        }
    }

    /// <summary>Sees every socket write of the connections accepted from now on (a test seam; null in production).</summary>
    internal SocketWriteProbe? WriteProbe { get; set; }

    /// <summary>The acceptor's sessions, for <see cref="SessionRegistry.SendToTarget"/>.</summary>
    public SessionRegistry Sessions { get; } = new();

    /// <summary>The endpoints listened on (ports resolved when 0 was configured); empty before <see cref="Start"/>.</summary>
    public IReadOnlyList<IPEndPoint> Endpoints => _listeners.Where(l => l.Endpoint is not null).Select(l => l.Endpoint!).ToList();

    /// <summary>Raised when a connection is accepted (and its TLS handshake done), before its Logon.</summary>
    public event EventHandler? ConnectionAccepted;

    /// <summary>Raised when a session logs on.</summary>
    public event EventHandler<SessionId>? LoggedOn;

    /// <summary>Raised when a session logs out or loses its connection.</summary>
    public event EventHandler<SessionId>? LoggedOut;

    /// <summary>The endpoint the session <paramref name="sessionId"/> is accepted on.</summary>
    public IPEndPoint GetEndpoint(SessionId sessionId) =>
        _listeners.First(l => l.Sessions.Contains(sessionId)).Endpoint ?? throw new InvalidOperationException("The acceptor is not started");

    /// <summary>True when <paramref name="sessionId"/> is logged on.</summary>
    public bool IsLoggedOn(SessionId sessionId) => Sessions.TryGet(sessionId, out var s) && s.IsLoggedOn;

    /// <summary>Binds every listening socket and starts accepting, and the once-a-second session timer.</summary>
    public void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("The acceptor is already started");
        }

        foreach (var listener in _listeners)
        {
            listener.Bind();
            Track(AcceptLoopAsync(listener, _stopping.Token));
            LogListening(_logger, listener.Endpoint!, listener.Sessions.Count);
        }

        _timer = _time.CreateTimer(_ => TickAll(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <summary>Logs every session out (waiting up to LogoutTimeout for the answers), then closes every connection and listener.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _started) == 0 || Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        var loggedOn = Sessions.All.Where(s => s.IsLoggedOn).ToList();
        foreach (var session in loggedOn)
        {
            session.Logout();
        }

        var timeout = loggedOn.Count == 0 ? 0 : loggedOn.Max(s => s.Settings.LogoutTimeout);
        var deadline = DateTime.UtcNow.AddSeconds(timeout);
        while (Sessions.All.Any(s => s.IsConnected) && DateTime.UtcNow < deadline && !cancellationToken.IsCancellationRequested)
        {
            // Waiting for the counterparties' Logout answers: a bounded poll at shutdown, off every hot path.
            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_timer is not null)
        {
            await _timer.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var listener in _listeners)
        {
            listener.Dispose();
        }

        foreach (var session in Sessions.All)
        {
            session.Logout("Acceptor stopping");
            session.CloseConnection("Acceptor stopped");
        }

        Task[] tasks;
        lock (_connectionsLock)
        {
            tasks = [.. _connectionTasks];
        }

        await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    /// <summary>Stops (if started) and closes every session's store.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);

        foreach (var session in Sessions.All)
        {
            session.Dispose();
        }

        _stopping.Dispose();
    }

    private void OnLoggedOnChanged(object? sender, EventArgs e)
    {
        var session = (FixSession)sender!;
        (session.IsLoggedOn ? LoggedOn : LoggedOut)?.Invoke(this, session.SessionId);
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

    private void Track(Task task)
    {
        lock (_connectionsLock)
        {
            _connectionTasks.RemoveAll(t => t.IsCompleted);
            _connectionTasks.Add(task);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "FIX acceptor listening on {Endpoint} for {Count} session(s)")]
    private static partial void LogListening(ILogger logger, IPEndPoint endpoint, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer of session {SessionId} failed")]
    private static partial void LogTickFailed(ILogger logger, Exception exception, SessionId sessionId);
}
