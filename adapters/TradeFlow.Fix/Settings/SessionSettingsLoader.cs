using System.Globalization;
using TradeFlow.Fix.Session;

namespace TradeFlow.Fix.Settings;

/// <summary>Loads QuickFIX-format session settings (<c>[DEFAULT]</c> inherited by each <c>[SESSION]</c>).</summary>
public static class SessionSettingsLoader
{
    /// <summary>Reads and validates the settings file at <paramref name="path"/>.</summary>
    /// <exception cref="SettingsFormatException">The file is malformed; the message names file, line, section and key.</exception>
    public static IReadOnlyList<SessionSettings> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllText(path), Path.GetFileName(path));
    }

    /// <summary>Parses settings text; <paramref name="fileName"/> is used in error messages.</summary>
    /// <exception cref="SettingsFormatException">The text is malformed; the message names file, line, section and key.</exception>
    public static IReadOnlyList<SessionSettings> Parse(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (defaults, sessions) = SettingsFileParser.Parse(text, fileName);
        if (sessions.Count == 0)
        {
            throw new SettingsFormatException($"{fileName}: no [SESSION] section");
        }

        var result = new List<SessionSettings>(sessions.Count);
        var seen = new Dictionary<SessionId, string>();
        for (var i = 0; i < sessions.Count; i++)
        {
            var section = string.Create(CultureInfo.InvariantCulture, $"SESSION {i + 1}");
            var merged = new Dictionary<string, SettingEntry>(defaults, StringComparer.OrdinalIgnoreCase);
            foreach (var (key, entry) in sessions[i])
            {
                merged[key] = entry;
            }

            var settings = Bind(new SectionReader(merged, fileName, section));
            if (!seen.TryAdd(settings.SessionId, section))
            {
                throw new SettingsFormatException($"{fileName} [{section}]: session {settings.SessionId} is already defined in [{seen[settings.SessionId]}]");
            }

            result.Add(settings);
        }

        return result;
    }

    private static SessionSettings Bind(SectionReader r)
    {
        var type = r.Connection();
        var settings = new SessionSettings
        {
            ConnectionType = type,
            BeginString = r.Required("BeginString"),
            SenderCompID = r.Required("SenderCompID"),
            TargetCompID = r.Required("TargetCompID"),
            SocketAcceptHost = r.String("SocketAcceptHost"),
            SocketAcceptPort = type == ConnectionType.Acceptor ? RequiredPort(r, "SocketAcceptPort") : 0,
            SocketConnectHost = type == ConnectionType.Initiator ? r.Required("SocketConnectHost") : r.String("SocketConnectHost"),
            SocketConnectPort = type == ConnectionType.Initiator ? RequiredPort(r, "SocketConnectPort") : r.Int("SocketConnectPort", 0, 0, 65535),
            HeartBtInt = type == ConnectionType.Initiator ? RequiredInt(r, "HeartBtInt", 1) : r.Int("HeartBtInt", 30, 1),
            ReconnectInterval = r.Int("ReconnectInterval", 30, 1),
            ResetOnLogon = r.Bool("ResetOnLogon", false),
            ResetOnLogout = r.Bool("ResetOnLogout", false),
            ResetOnDisconnect = r.Bool("ResetOnDisconnect", false),
            RefreshOnLogon = r.Bool("RefreshOnLogon", false),
            FileStorePath = r.String("FileStorePath"),
            FileLogPath = r.String("FileLogPath"),
            DataDictionary = r.String("DataDictionary"),
            UseDataDictionary = r.Bool("UseDataDictionary", true),
            Schedule = Schedule(r),
            ValidateFieldsOutOfOrder = r.Bool("ValidateFieldsOutOfOrder", true),
            ValidateFieldsHaveValues = r.Bool("ValidateFieldsHaveValues", true),
            ValidateUserDefinedFields = r.Bool("ValidateUserDefinedFields", true),
            AllowUnknownMsgFields = r.Bool("AllowUnknownMsgFields", false),
            CheckCompID = r.Bool("CheckCompID", true),
            CheckLatency = r.Bool("CheckLatency", true),
            MaxLatency = r.Int("MaxLatency", 120, 1),
            LogonTimeout = r.Int("LogonTimeout", 10, 1),
            LogoutTimeout = r.Int("LogoutTimeout", 2, 1),
            SlowConsumerTimeout = r.Int("SlowConsumerTimeout", 60, 0),
            MaxPendingBytes = r.Int("MaxPendingBytes", SessionSettings.DefaultMaxPendingBytes, 0),
            PersistMessages = r.Bool("PersistMessages", true),
            SocketNodelay = r.Bool("SocketNodelay", true),
            SslEnable = r.Bool("SSLEnable", false),
            SslCertificate = r.String("SSLCertificate"),
            SslCertificatePassword = r.String("SSLCertificatePassword"),
            SslRequireClientCertificate = r.Bool("SSLRequireClientCertificate", false),
            Username = r.String("Username"),
            PasswordHash = r.String("PasswordHash"),
        };
        CheckConsistency(r, settings);
        return settings;
    }

    private static void CheckConsistency(SectionReader r, SessionSettings s)
    {
        if (s.SslEnable && s.ConnectionType == ConnectionType.Acceptor && s.SslCertificate is null)
        {
            throw r.Bad("SSLCertificate", "required key is missing (SSLEnable=Y on an acceptor)");
        }

        if (s.Username is not null && s.PasswordHash is null)
        {
            throw r.Bad("PasswordHash", "required key is missing (Username is set)");
        }

        if (s.PasswordHash is not null && !PasswordHash.IsWellFormed(s.PasswordHash))
        {
            throw r.Bad("PasswordHash", "is not pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>");
        }
    }

    private static SessionSchedule Schedule(SectionReader r)
    {
        if (r.Bool("NonStopSession", false))
        {
            return SessionSchedule.NonStop;
        }

        var start = r.Time("StartTime") ?? throw r.Bad("StartTime", "required key is missing (or set NonStopSession=Y)");
        var end = r.Time("EndTime") ?? throw r.Bad("EndTime", "required key is missing (or set NonStopSession=Y)");
        var zone = r.Zone("TimeZone");
        var startDay = r.Day("StartDay");
        var endDay = r.Day("EndDay");
        if (startDay is null != endDay is null)
        {
            throw r.Bad(startDay is null ? "StartDay" : "EndDay", "required key is missing (StartDay and EndDay go together)");
        }

        return startDay is { } sd && endDay is { } ed
            ? SessionSchedule.Weekly(sd, start, ed, end, zone)
            : SessionSchedule.Daily(start, end, zone);
    }

    private static int RequiredPort(SectionReader r, string key)
    {
        _ = r.Required(key);
        return r.Int(key, 0, 0, 65535);
    }

    private static int RequiredInt(SectionReader r, string key, int min)
    {
        _ = r.Required(key);
        return r.Int(key, 0, min);
    }
}
