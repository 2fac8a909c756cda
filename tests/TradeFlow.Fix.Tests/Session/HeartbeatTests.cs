using TradeFlow.Fix.Codec;

namespace TradeFlow.Fix.Tests.Session;

public sealed class HeartbeatTests
{
    [Fact]
    public async Task A_heartbeat_is_sent_when_we_were_silent_for_the_heartbeat_interval()
    {
        await using var harness = AcceptorHarness.Start();
        await using var client = await harness.LogonAsync(heartBtInt: 30);

        // The counterparty keeps talking, so only our silence is at stake.
        harness.Time.Advance(TimeSpan.FromSeconds(20));
        await client.SendAsync(MsgTypes.Heartbeat);
        harness.Time.Advance(TimeSpan.FromSeconds(11));

        var heartbeat = await client.ExpectAsync(MsgTypes.Heartbeat);
        Assert.False(heartbeat.Contains(Tags.TestReqID));
    }

    [Fact]
    public async Task A_test_request_is_sent_after_1_2_intervals_of_their_silence_and_the_session_disconnects_after_another()
    {
        await using var harness = AcceptorHarness.Start();
        await using var client = await harness.LogonAsync(heartBtInt: 10);

        harness.Time.Advance(TimeSpan.FromSeconds(10));
        await client.ExpectAsync(MsgTypes.Heartbeat);
        harness.Time.Advance(TimeSpan.FromSeconds(2));
        var testRequest = await client.ExpectAsync(MsgTypes.TestRequest);
        Assert.Equal("TEST", testRequest.GetString(Tags.TestReqID));

        harness.Time.Advance(TimeSpan.FromSeconds(12));
        await client.ExpectDisconnectAsync();
        await harness.Application.LoggedOut.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task An_answered_test_request_keeps_the_session_up()
    {
        await using var harness = AcceptorHarness.Start();
        await using var client = await harness.LogonAsync(heartBtInt: 10);

        harness.Time.Advance(TimeSpan.FromSeconds(10));
        await client.ExpectAsync(MsgTypes.Heartbeat);
        harness.Time.Advance(TimeSpan.FromSeconds(2));
        await client.ExpectAsync(MsgTypes.TestRequest);
        await client.SendAsync(MsgTypes.Heartbeat, b => b.Add(Tags.TestReqID, "TEST"));
        await client.SendAsync(MsgTypes.TestRequest, b => b.Add(Tags.TestReqID, "PING"));
        await client.ExpectAsync(MsgTypes.Heartbeat);

        Assert.True(harness.Acceptor.IsLoggedOn(AcceptorHarness.Id));
    }

    [Fact]
    public async Task A_test_request_is_answered_with_a_heartbeat_echoing_its_id()
    {
        await using var harness = AcceptorHarness.Start();
        await using var client = await harness.LogonAsync();

        await client.SendAsync(MsgTypes.TestRequest, b => b.Add(Tags.TestReqID, "ABC-42"));

        var heartbeat = await client.ExpectAsync(MsgTypes.Heartbeat);
        Assert.Equal("ABC-42", heartbeat.GetString(Tags.TestReqID));
    }
}
