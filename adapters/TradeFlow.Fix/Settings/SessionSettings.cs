using TradeFlow.Fix.Session;

namespace TradeFlow.Fix.Settings;

/// <summary>
/// One <c>[SESSION]</c> of a QuickFIX-format settings file, with <c>[DEFAULT]</c> folded in and every value typed.
/// Defaults are QuickFIX's; docs/fix.md ("Settings") has the table.
/// </summary>
public sealed class SessionSettings
{
    /// <summary>Acceptor or initiator.</summary>
    public required ConnectionType ConnectionType { get; init; }

    /// <summary>BeginString (8), e.g. <c>FIX.4.4</c>.</summary>
    public required string BeginString { get; init; }

    /// <summary>Our CompID (49 on what we send).</summary>
    public required string SenderCompID { get; init; }

    /// <summary>The counterparty's CompID (56 on what we send).</summary>
    public required string TargetCompID { get; init; }

    /// <summary>The session's identity.</summary>
    public SessionId SessionId => new(BeginString, SenderCompID, TargetCompID);

    /// <summary>Local address the acceptor binds; null binds every interface.</summary>
    public string? SocketAcceptHost { get; init; }

    /// <summary>Port the acceptor listens on; 0 asks the OS for a free port (tests).</summary>
    public int SocketAcceptPort { get; init; }

    /// <summary>Host an initiator connects to.</summary>
    public string? SocketConnectHost { get; init; }

    /// <summary>Port an initiator connects to.</summary>
    public int SocketConnectPort { get; init; }

    /// <summary>Heartbeat interval in seconds an initiator proposes (an acceptor takes the counterparty's).</summary>
    public int HeartBtInt { get; init; } = 30;

    /// <summary>Seconds an initiator waits between connection attempts.</summary>
    public int ReconnectInterval { get; init; } = 30;

    /// <summary>Reset both sequence numbers to 1 on every Logon.</summary>
    public bool ResetOnLogon { get; init; }

    /// <summary>Reset both sequence numbers to 1 after a Logout.</summary>
    public bool ResetOnLogout { get; init; }

    /// <summary>Reset both sequence numbers to 1 on every disconnect.</summary>
    public bool ResetOnDisconnect { get; init; }

    /// <summary>Re-read the message store from disk on Logon (a store shared with a standby).</summary>
    public bool RefreshOnLogon { get; init; }

    /// <summary>Directory of the file message store; null keeps the store in memory.</summary>
    public string? FileStorePath { get; init; }

    /// <summary>Directory of the per-session message and event logs; null logs to ILogger only.</summary>
    public string? FileLogPath { get; init; }

    /// <summary>Path of a QuickFIX XML data dictionary; null uses the shipped FIX44-TradeFlow.xml.</summary>
    public string? DataDictionary { get; init; }

    /// <summary>Validate inbound messages against the data dictionary.</summary>
    public bool UseDataDictionary { get; init; } = true;

    /// <summary>When the session may be logged on; <see cref="SessionSchedule.NonStop"/> when NonStopSession=Y.</summary>
    public required SessionSchedule Schedule { get; init; }

    /// <summary>Reject messages whose header/body/trailer fields are out of order.</summary>
    public bool ValidateFieldsOutOfOrder { get; init; } = true;

    /// <summary>Reject fields without a value.</summary>
    public bool ValidateFieldsHaveValues { get; init; } = true;

    /// <summary>Validate user-defined fields (tags 5000 and above) against the dictionary.</summary>
    public bool ValidateUserDefinedFields { get; init; } = true;

    /// <summary>Accept fields the dictionary does not define for the message type.</summary>
    public bool AllowUnknownMsgFields { get; init; }

    /// <summary>Reject (9) messages whose CompIDs do not match the session.</summary>
    public bool CheckCompID { get; init; } = true;

    /// <summary>Reject (10) messages whose SendingTime is further than MaxLatency from our clock.</summary>
    public bool CheckLatency { get; init; } = true;

    /// <summary>Largest accepted SendingTime difference, in seconds.</summary>
    public int MaxLatency { get; init; } = 120;

    /// <summary>Seconds to wait for the Logon after a connection (acceptor) or for the Logon reply (initiator).</summary>
    public int LogonTimeout { get; init; } = 10;

    /// <summary>Seconds to wait for the Logout reply before disconnecting.</summary>
    public int LogoutTimeout { get; init; } = 2;

    /// <summary>
    /// Seconds a counterparty may leave what it was sent unread (its socket full, nothing taken) before the session
    /// disconnects it; 0 never does. Default 60: two default heartbeat intervals, longer than any pause of a healthy
    /// client (a GC, a fail-over) yet short enough that a stuck one is noticed and reconnects to recover by resend.
    /// </summary>
    public int SlowConsumerTimeout { get; init; } = 60;

    /// <summary>
    /// Bytes a counterparty that is not keeping up may have waiting for its socket (sent to it, not yet taken) before the
    /// session disconnects it as a slow consumer; 0 sets no limit. Default 64 MB: minutes of a busy session's answers,
    /// while a counterparty that reads a few bytes now and then (and so never meets SlowConsumerTimeout) cannot make
    /// the gateway hold an unbounded backlog for it.
    /// </summary>
    public int MaxPendingBytes { get; init; } = DefaultMaxPendingBytes;

    /// <summary>The default of <see cref="MaxPendingBytes"/>: 64 MB.</summary>
    public const int DefaultMaxPendingBytes = 64 * 1024 * 1024;

    /// <summary>Keep sent messages so resend requests can be answered (otherwise everything is gap-filled).</summary>
    public bool PersistMessages { get; init; } = true;

    /// <summary>Disable Nagle on the socket.</summary>
    public bool SocketNodelay { get; init; } = true;

    /// <summary>Wrap the connection in TLS.</summary>
    public bool SslEnable { get; init; }

    /// <summary>PKCS#12 (.pfx) file with the certificate and private key the acceptor presents.</summary>
    public string? SslCertificate { get; init; }

    /// <summary>Password of <see cref="SslCertificate"/>.</summary>
    public string? SslCertificatePassword { get; init; }

    /// <summary>Require and validate a client certificate.</summary>
    public bool SslRequireClientCertificate { get; init; }

    /// <summary>TradeFlow: the Username (553) the counterparty must log on with; null when not checked.</summary>
    public string? Username { get; init; }

    /// <summary>TradeFlow: the salted hash (<see cref="PasswordHash"/>) the Password (554) must match.</summary>
    public string? PasswordHash { get; init; }
}
