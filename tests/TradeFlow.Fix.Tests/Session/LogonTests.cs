using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Settings;

namespace TradeFlow.Fix.Tests.Session;

public sealed class LogonTests
{
    [Fact]
    public async Task A_logon_is_answered_with_a_logon_carrying_the_counterpartys_heartbeat_interval()
    {
        await using var harness = AcceptorHarness.Start();
        await using var client = await harness.ConnectAsync();

        await client.SendLogonAsync(heartBtInt: 17);
        var logon = await client.ExpectAsync(MsgTypes.Logon);

        Assert.True(logon.TryGetInt(Tags.HeartBtInt, out var interval));
        Assert.Equal(17, interval);
        Assert.Equal(1, logon.MsgSeqNum);
        Assert.Equal("CLIENT", logon.GetString(Tags.TargetCompID));
        await harness.Application.LoggedOn.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(harness.Acceptor.IsLoggedOn(AcceptorHarness.Id));
    }

    [Fact]
    public async Task A_first_message_other_than_logon_is_disconnected_without_a_reply()
    {
        await using var harness = AcceptorHarness.Start();
        await using var client = await harness.ConnectAsync();

        await client.SendAsync(MsgTypes.Heartbeat);

        await client.ExpectDisconnectAsync();
    }

    [Fact]
    public async Task A_logon_from_unknown_comp_ids_is_refused_without_a_reply()
    {
        await using var harness = AcceptorHarness.Start();
        await using var client = await harness.ConnectAsync(sender: "INTRUDER");

        await client.SendLogonAsync();

        await client.ExpectDisconnectAsync();
        Assert.False(harness.Acceptor.IsLoggedOn(AcceptorHarness.Id));
    }

    [Fact]
    public async Task A_wrong_password_is_answered_with_logout_invalid_username_or_password()
    {
        var hash = PasswordHash.Create("s3cret", iterations: 1000);
        await using var harness = AcceptorHarness.Start($"Username=desk1\nPasswordHash={hash}");
        await using var client = await harness.ConnectAsync();

        await client.SendLogonAsync(username: "desk1", password: "guess");

        var logout = await client.ExpectAsync(MsgTypes.Logout);
        Assert.Equal("Invalid username or password", logout.GetString(Tags.Text));
        await client.ExpectDisconnectAsync();
    }

    [Fact]
    public async Task The_right_username_and_password_log_on()
    {
        var hash = PasswordHash.Create("s3cret", iterations: 1000);
        await using var harness = AcceptorHarness.Start($"Username=desk1\nPasswordHash={hash}");
        await using var client = await harness.ConnectAsync();

        await client.SendLogonAsync(username: "desk1", password: "s3cret");

        await client.ExpectAsync(MsgTypes.Logon);
    }

    [Fact]
    public async Task ResetSeqNumFlag_resets_both_sequence_numbers_and_is_echoed()
    {
        await using var harness = AcceptorHarness.Start();
        await using (var first = await harness.LogonAsync())
        {
            await first.SendAsync(MsgTypes.Heartbeat);
            await first.SendAsync(MsgTypes.Logout);
            await first.ExpectAsync(MsgTypes.Logout);
            await first.ExpectDisconnectAsync();
        }

        await using var client = await harness.ConnectAsync();
        client.NextSeq = 1;
        await client.SendLogonAsync(reset: true);

        var logon = await client.ExpectAsync(MsgTypes.Logon);
        Assert.Equal(1, logon.MsgSeqNum);
        Assert.True(logon.TryGetBool(Tags.ResetSeqNumFlag, out var reset) && reset);
        Assert.Equal(2, harness.Session.NextTargetMsgSeqNum);
    }

    [Fact]
    public async Task ResetOnLogon_starts_every_logon_at_sequence_number_one()
    {
        await using var harness = AcceptorHarness.Start("ResetOnLogon=Y");
        await using (var first = await harness.LogonAsync())
        {
            await first.SendAsync(MsgTypes.Logout);
            await first.ExpectAsync(MsgTypes.Logout);
            await first.ExpectDisconnectAsync();
        }

        await using var client = await harness.ConnectAsync();
        await client.SendLogonAsync();

        var logon = await client.ExpectAsync(MsgTypes.Logon);
        Assert.Equal(1, logon.MsgSeqNum);
    }

    [Fact]
    public async Task A_logon_outside_the_session_time_is_refused()
    {
        // The fake clock says 10:00 UTC; the session runs 12:00-14:00.
        await using var harness = AcceptorHarness.Start("StartTime=12:00:00\nEndTime=14:00:00");
        await using var client = await harness.ConnectAsync();

        await client.SendLogonAsync();

        await client.ExpectDisconnectAsync();
    }

    [Fact]
    public async Task A_second_connection_for_a_logged_on_session_is_refused()
    {
        await using var harness = AcceptorHarness.Start();
        await using var first = await harness.LogonAsync();
        await using var second = await harness.ConnectAsync();

        await second.SendLogonAsync();

        await second.ExpectDisconnectAsync();
        Assert.True(harness.Acceptor.IsLoggedOn(AcceptorHarness.Id));
    }
}
