using TradeFlow.Fix.Settings;

namespace TradeFlow.Fix.Tests.Settings;

public sealed class SessionSettingsLoaderTests
{
    private const string Valid = """
        # TradeFlow acceptor
        [DEFAULT]
        ConnectionType=acceptor
        SocketAcceptPort=9878
        SenderCompID=TRADEFLOW
        BeginString=FIX.4.4
        StartTime=07:00:00
        EndTime=19:00:00
        FileStorePath=store

        [SESSION]
        TargetCompID=BANK-A
        HeartBtInt=20

        [SESSION]
        TargetCompID=BANK-B
        ResetOnLogon=Y
        TimeZone=Europe/London
        FileLogHeartbeats=Y
        """;

    [Fact]
    public void Each_session_inherits_the_defaults_and_overrides_its_own_keys()
    {
        var sessions = SessionSettingsLoader.Parse(Valid, "fix.cfg");

        Assert.Equal(2, sessions.Count);
        Assert.Equal(("TRADEFLOW", "BANK-A", 9878, 20), (sessions[0].SenderCompID, sessions[0].TargetCompID, sessions[0].SocketAcceptPort, sessions[0].HeartBtInt));
        Assert.Equal("store", sessions[1].FileStorePath);
        Assert.True(sessions[1].ResetOnLogon);
        Assert.False(sessions[0].ResetOnLogon);
    }

    [Fact]
    public void Unset_keys_take_quickfix_defaults()
    {
        var s = SessionSettingsLoader.Parse(Valid, "fix.cfg")[0];

        Assert.Equal((120, 2, 10, true, true, true, true), (s.MaxLatency, s.LogoutTimeout, s.LogonTimeout, s.CheckLatency, s.CheckCompID, s.PersistMessages, s.UseDataDictionary));
        Assert.False(s.SslEnable);
        Assert.Equal((60, 64 * 1024 * 1024), (s.SlowConsumerTimeout, s.MaxPendingBytes));
    }

    [Fact]
    public void The_schedule_follows_start_and_end_time_in_the_time_zone()
    {
        var london = SessionSettingsLoader.Parse(Valid, "fix.cfg")[1].Schedule;

        // 18:30 UTC in July is 19:30 in London: after EndTime.
        Assert.False(london.IsInSession(new DateTime(2026, 7, 1, 18, 30, 0, DateTimeKind.Utc)));
        Assert.True(london.IsInSession(new DateTime(2026, 1, 5, 18, 30, 0, DateTimeKind.Utc)));
    }

    [Theory]
    [InlineData("HeartBtInt=abc", "fix.cfg:3 [SESSION 1] HeartBtInt: 'abc' is not a number")]
    [InlineData("ResetOnLogon=yes", "fix.cfg:3 [SESSION 1] ResetOnLogon: 'yes' is not Y or N")]
    [InlineData("HeartbtInterval=30", "fix.cfg:3 [SESSION 1] HeartbtInterval: unknown key")]
    [InlineData("StartDay=Funday", "fix.cfg:3 [SESSION 1] StartDay: 'Funday' is not a day of the week")]
    [InlineData("TimeZone=Mars/Olympus", "fix.cfg:3 [SESSION 1] TimeZone: 'Mars/Olympus' is not a known time zone (use an IANA id such as Europe/London)")]
    [InlineData("EndTime=25:00:00", "fix.cfg:3 [SESSION 1] EndTime: '25:00:00' is not a time of day HH:mm:ss")]
    [InlineData("MaxPendingBytes=-1", "fix.cfg:3 [SESSION 1] MaxPendingBytes: '-1' is not a number")]
    [InlineData("SocketAcceptPort=70000", "fix.cfg:3 [SESSION 1] SocketAcceptPort: '70000' is out of range (0..65535)")]
    [InlineData("PasswordHash=plain", "fix.cfg:3 [SESSION 1] PasswordHash: 'plain' is not pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>")]
    public void A_bad_value_names_file_line_section_and_key(string line, string message)
    {
        var key = line[..line.IndexOf('=', StringComparison.Ordinal)];
        var others = new[] { "BeginString=FIX.4.4", "SenderCompID=A", "TargetCompID=B", "SocketAcceptPort=1", "StartTime=00:00:00", "EndTime=23:00:00", "Username=u" }
            .Where(l => !l.StartsWith(key + "=", StringComparison.Ordinal));
        var text = $"[SESSION]\nConnectionType=acceptor\n{line}\n" + string.Join('\n', others) + "\n";

        var error = Assert.Throws<SettingsFormatException>(() => SessionSettingsLoader.Parse(text, "fix.cfg"));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_missing_required_key_is_named_with_its_section()
    {
        var text = "[DEFAULT]\nConnectionType=acceptor\nBeginString=FIX.4.4\nSocketAcceptPort=1\nNonStopSession=Y\n[SESSION]\nTargetCompID=B\n";

        var error = Assert.Throws<SettingsFormatException>(() => SessionSettingsLoader.Parse(text, "fix.cfg"));

        Assert.Equal("fix.cfg [SESSION 1] SenderCompID: required key is missing", error.Message);
    }

    [Fact]
    public void Start_and_end_time_are_required_unless_the_session_is_non_stop()
    {
        var text = "[SESSION]\nConnectionType=acceptor\nBeginString=FIX.4.4\nSenderCompID=A\nTargetCompID=B\nSocketAcceptPort=1\n";

        var error = Assert.Throws<SettingsFormatException>(() => SessionSettingsLoader.Parse(text, "fix.cfg"));

        Assert.Equal("fix.cfg [SESSION 1] StartTime: required key is missing (or set NonStopSession=Y)", error.Message);
        Assert.True(SessionSettingsLoader.Parse(text + "NonStopSession=Y\n", "fix.cfg")[0].Schedule.IsNonStop);
    }

    [Fact]
    public void A_key_set_twice_in_one_section_is_an_error()
    {
        var text = "[SESSION]\nHeartBtInt=30\nHeartBtInt=20\n";

        var error = Assert.Throws<SettingsFormatException>(() => SessionSettingsLoader.Parse(text, "fix.cfg"));

        Assert.Equal("fix.cfg:3 [SESSION 1] HeartBtInt: already set on line 2 of this section", error.Message);
    }

    [Fact]
    public void A_line_that_is_not_key_value_or_an_unknown_section_is_an_error()
    {
        Assert.Equal("fix.cfg:2 [SESSION 1]: 'HeartBtInt 30' is not Key=Value",
            Assert.Throws<SettingsFormatException>(() => SessionSettingsLoader.Parse("[SESSION]\nHeartBtInt 30\n", "fix.cfg")).Message);
        Assert.Equal("fix.cfg:1: unknown section [SESSIONS] (expected [DEFAULT] or [SESSION])",
            Assert.Throws<SettingsFormatException>(() => SessionSettingsLoader.Parse("[SESSIONS]\n", "fix.cfg")).Message);
    }

    [Fact]
    public void The_same_session_twice_is_an_error()
    {
        var text = "[DEFAULT]\nConnectionType=acceptor\nBeginString=FIX.4.4\nSenderCompID=A\nSocketAcceptPort=1\nNonStopSession=Y\n[SESSION]\nTargetCompID=B\n[SESSION]\nTargetCompID=B\n";

        var error = Assert.Throws<SettingsFormatException>(() => SessionSettingsLoader.Parse(text, "fix.cfg"));

        Assert.Equal("fix.cfg [SESSION 2]: session FIX.4.4:A->B is already defined in [SESSION 1]", error.Message);
    }

    [Fact]
    public void An_initiator_needs_its_connect_host_port_and_heartbeat_interval()
    {
        var text = "[SESSION]\nConnectionType=initiator\nBeginString=FIX.4.4\nSenderCompID=A\nTargetCompID=B\nNonStopSession=Y\nSocketConnectPort=9878\nHeartBtInt=30\n";

        var error = Assert.Throws<SettingsFormatException>(() => SessionSettingsLoader.Parse(text, "fix.cfg"));

        Assert.Equal("fix.cfg [SESSION 1] SocketConnectHost: required key is missing", error.Message);
    }

    [Fact]
    public void Load_reads_a_file_and_names_it_in_errors()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tf-{Guid.NewGuid():N}.cfg");
        File.WriteAllText(path, "[SESSION]\nHeartBtInt x\n");
        try
        {
            var error = Assert.Throws<SettingsFormatException>(() => SessionSettingsLoader.Load(path));
            Assert.StartsWith(Path.GetFileName(path) + ":", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
