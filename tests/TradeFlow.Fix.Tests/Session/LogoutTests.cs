using TradeFlow.Fix.Codec;

namespace TradeFlow.Fix.Tests.Session;

public sealed class LogoutTests
{
    [Fact]
    public async Task A_logout_request_is_answered_with_a_logout_and_a_disconnect()
    {
        await using var harness = AcceptorHarness.Start();
        await using var client = await harness.LogonAsync();

        await client.SendAsync(MsgTypes.Logout);

        await client.ExpectAsync(MsgTypes.Logout);
        await client.ExpectDisconnectAsync();
        await harness.Application.LoggedOut.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Our_logout_disconnects_when_the_counterparty_answers()
    {
        await using var harness = AcceptorHarness.Start();
        await using var client = await harness.LogonAsync();

        harness.Session.Logout("End of day");
        var logout = await client.ExpectAsync(MsgTypes.Logout);
        Assert.Equal("End of day", logout.GetString(Tags.Text));
        await client.SendAsync(MsgTypes.Logout);

        await client.ExpectDisconnectAsync();
    }

    [Fact]
    public async Task Our_logout_disconnects_after_the_logout_timeout_when_nobody_answers()
    {
        await using var harness = AcceptorHarness.Start("LogoutTimeout=5");
        await using var client = await harness.LogonAsync();

        harness.Session.Logout();
        await client.ExpectAsync(MsgTypes.Logout);
        harness.Time.Advance(TimeSpan.FromSeconds(5));

        await client.ExpectDisconnectAsync();
    }

    [Fact]
    public async Task Stopping_the_acceptor_logs_every_session_out()
    {
        var harness = AcceptorHarness.Start();
        await using var client = await harness.LogonAsync();

        var stopping = harness.Acceptor.StopAsync();
        await client.ExpectAsync(MsgTypes.Logout);
        await client.SendAsync(MsgTypes.Logout);
        await stopping;

        await client.ExpectDisconnectAsync();
        await harness.DisposeAsync();
    }
}
