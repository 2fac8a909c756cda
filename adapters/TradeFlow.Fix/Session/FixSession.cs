using System.Text;
using Microsoft.Extensions.Logging;
using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Settings;
using TradeFlow.Fix.Store;

namespace TradeFlow.Fix.Session;

/// <summary>
/// One FIX 4.4 session: the state machine of FIX Volume 2 with QuickFIX's choices and texts where the spec leaves
/// one open. Split by feature: inbound dispatch and header checks (Inbound), admin messages (Admin), gaps and
/// resends (Sequence), outbound stamping and the durable write path (Outbound), timers (Timers), rejects (Rejects).
/// </summary>
/// <remarks>
/// Threading: the connection's reader calls <c>Next</c>, a timer calls <c>Tick</c>, any thread may call
/// <see cref="Send"/>. State changes happen under one lock; <see cref="IApplication.FromApp"/> runs outside it so a
/// blocked application cannot stop acks from being sent. Bytes reach the socket only through <c>WriteDurable</c>, which
/// takes only what a completed store flush made durable (<c>FlushOutbound</c> fsyncs the store once for everything
/// queued, then writes: group commit; <see cref="SendDurable"/> writes what is durable already, without an fsync).
/// </remarks>
public sealed partial class FixSession : IDisposable
{
    private readonly Lock _sync = new();
    private readonly SessionSettings _settings;
    private readonly IApplication _application;
    private readonly IMessageStore _store;
    private readonly TimeProvider _time;
    private readonly IInboundValidator? _validator;
    private readonly SessionLog _log;
    private readonly bool _isInitiator;
    private readonly byte[] _beginString;
    private readonly byte[] _senderCompId;
    private readonly byte[] _targetCompId;
    private readonly SortedDictionary<int, QueuedMessage> _queue = [];
    private readonly FixFieldWriter _adminBody = new(256);
    private readonly FixMessage _outboundView = new();
    private readonly FixMessage _storedView = new();
    private readonly OutboundQueue _pending = new();
    private ISessionConnection? _connection;
    private bool _receivedLogon;
    private bool _sentLogon;
    private bool _sentLogout;
    private bool _receivedReset;
    private bool _sentReset;
    private bool _loggedOnNotified;
    private string? _disconnectReason;
    private DateTime _connectedAt;
    private DateTime _lastReceived;
    private DateTime _lastSent;
    private DateTime _logoutSentAt;
    private int _testRequests;
    private int _heartBtInt;
    private (int Begin, int End) _resendRange;

    /// <summary>Creates the session; calls <see cref="IApplication.OnCreate"/> and resets the store if a new session period began.</summary>
    internal FixSession(
        SessionSettings settings,
        IApplication application,
        IMessageStore store,
        ILogger logger,
        TimeProvider timeProvider,
        IInboundValidator? validator = null,
        string? fileLogPath = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _settings = settings;
        _application = application;
        _store = store;
        _time = timeProvider;
        _validator = validator;
        SessionId = settings.SessionId;
        _log = new SessionLog(logger, SessionId, fileLogPath, timeProvider);
        _isInitiator = settings.ConnectionType == ConnectionType.Initiator;
        _beginString = Encoding.ASCII.GetBytes(SessionId.BeginString);
        _senderCompId = Encoding.ASCII.GetBytes(SessionId.SenderCompID);
        _targetCompId = Encoding.ASCII.GetBytes(SessionId.TargetCompID);
        _heartBtInt = settings.HeartBtInt;
        ResetIfNewPeriod(Now);
        _application.OnCreate(SessionId);
        SettleStoredConditions();
    }

    /// <summary>The session's identity.</summary>
    public SessionId SessionId { get; }

    /// <summary>The settings the session was created from.</summary>
    public SessionSettings Settings => _settings;

    /// <summary>True while a connection is attached.</summary>
    public bool IsConnected
    {
        get { lock (_sync) { return _connection is not null; } }
    }

    /// <summary>True when both Logons were exchanged and the connection is up.</summary>
    public bool IsLoggedOn
    {
        get { lock (_sync) { return LoggedOn; } }
    }

    /// <summary>The MsgSeqNum our next message gets.</summary>
    public int NextSenderMsgSeqNum => _store.NextSenderMsgSeqNum;

    /// <summary>The MsgSeqNum expected on the counterparty's next message.</summary>
    public int NextTargetMsgSeqNum => _store.NextTargetMsgSeqNum;

    /// <summary>Raised (outside the lock) when the session logs on.</summary>
    public event EventHandler? LoggedOnChanged;

    private bool LoggedOn => _connection is not null && _receivedLogon && _sentLogon;

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Starts a Logout handshake (<paramref name="text"/> becomes 58): the session disconnects when the answer comes,
    /// or after LogoutTimeout.
    /// </summary>
    public void Logout(string? text = null)
    {
        lock (_sync)
        {
            if (LoggedOn && !_sentLogout)
            {
                SendLogout(text);
            }
            else if (_connection is not null && !_receivedLogon)
            {
                RequestDisconnect("Logout before logon");
            }
        }

        FlushOutbound();
    }

    /// <summary>
    /// Closes the store and the message log, after the drain (if one runs) has ended: it ends at its next look, within
    /// a second, leaving what its counterparty did not take to the store's resend.
    /// </summary>
    public void Dispose()
    {
        _disposing = true;
        if (DrainThread is { } drain && drain != Thread.CurrentThread)
        {
            drain.Join();
        }

        _store.Dispose();
        _log.Dispose();
    }

    /// <summary>Attaches a new connection; false (and the caller disconnects it) when one is already attached.</summary>
    internal bool Connect(ISessionConnection connection)
    {
        lock (_sync)
        {
            if (_connection is not null)
            {
                _log.Event($"Multiple logons/connections for this session are not allowed ({connection.RemoteAddress})");
                return false;
            }

            _connection = connection;
            _connectedAt = _lastReceived = _lastSent = Now;
            _receivedLogon = _sentLogon = _sentLogout = _receivedReset = _sentReset = false;
            _testRequests = 0;
            _resendRange = default;
            _disconnectReason = null;
            _disconnectRequested = false;
            _heartBtInt = _settings.HeartBtInt;
            _log.Event($"Connected ({connection.RemoteAddress})");
            return true;
        }
    }

    private void ResetIfNewPeriod(DateTime now)
    {
        if (_settings.Schedule.IsInSession(now) && !_settings.Schedule.IsInSameSession(now, _store.CreationTime))
        {
            // QuickFIX: a new session period starts with sequence numbers 1.
            _log.Event("New session period: resetting sequence numbers");
            ResetStore(now);
        }
    }

    private void RaiseLoggedOnChanged() => LoggedOnChanged?.Invoke(this, EventArgs.Empty);

    /// <summary>A message that arrived ahead of a gap, kept until the gap is filled (QuickFIX's queue).</summary>
    private readonly record struct QueuedMessage(FixMessage Message, bool AlreadyProcessed);
}
