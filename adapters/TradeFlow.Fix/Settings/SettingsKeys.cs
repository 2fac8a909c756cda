namespace TradeFlow.Fix.Settings;

/// <summary>
/// The keys a settings file may hold. Anything else is an error, because a typo in a bank's config
/// (<c>HeartbtInt</c>) must not silently fall back to a default. QuickFIX keys TradeFlow does not act on are
/// accepted and ignored so that a config written for QuickFIX loads unchanged; they are listed in
/// docs/fix.md ("Settings").
/// </summary>
internal static class SettingsKeys
{
    /// <summary>Keys TradeFlow reads.</summary>
    public static readonly IReadOnlySet<string> Used = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "ConnectionType", "BeginString", "SenderCompID", "TargetCompID", "SocketAcceptHost", "SocketAcceptPort",
        "SocketConnectHost", "SocketConnectPort", "HeartBtInt", "ReconnectInterval", "ResetOnLogon", "ResetOnLogout",
        "ResetOnDisconnect", "RefreshOnLogon", "FileStorePath", "FileLogPath", "DataDictionary", "UseDataDictionary",
        "StartTime", "EndTime", "StartDay", "EndDay", "TimeZone", "NonStopSession", "ValidateFieldsOutOfOrder",
        "ValidateFieldsHaveValues", "ValidateUserDefinedFields", "AllowUnknownMsgFields", "CheckCompID", "CheckLatency",
        "MaxLatency", "LogonTimeout", "LogoutTimeout", "PersistMessages", "SocketNodelay", "SSLEnable", "SSLCertificate",
        "SSLCertificatePassword", "SSLRequireClientCertificate", "Username", "PasswordHash", "SlowConsumerTimeout",
        "MaxPendingBytes",
    };

    /// <summary>QuickFIX keys accepted and ignored: they tune things TradeFlow does one fixed way (or not at all).</summary>
    public static readonly IReadOnlySet<string> IgnoredQuickFix = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "FileLogHeartbeats", "ScreenLogShowIncoming", "ScreenLogShowOutgoing", "ScreenLogShowEvents",
        "SocketReuseAddress", "SocketSendBufferSize", "SocketReceiveBufferSize", "SendRedundantResendRequests",
        "ResendSessionLevelRejects", "MillisecondsInTimeStamp", "TimestampPrecision", "ValidateLengthAndChecksum",
        "SendLogoutBeforeDisconnectFromTimeout", "IgnorePossDupResendRequests", "RequiresOrigSendingTime",
        "EnableLastMsgSeqNumProcessed", "MaxMessagesInResendRequest", "ContinueInitializationOnError",
        "SSLValidateCertificates", "SSLCheckCertificateRevocation", "SSLProtocols", "SSLServerName", "SSLCACertificate",
        "DebugFileLogPath", "FileStoreMaxCachedMsgs", "SocketIgnoreProxy", "LogoutOnEndTime",
    };
}
