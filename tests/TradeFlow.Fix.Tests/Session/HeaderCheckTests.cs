using TradeFlow.Fix.Codec;

namespace TradeFlow.Fix.Tests.Session;

public sealed class HeaderCheckTests
{
    [Fact]
    public async Task Wrong_comp_ids_are_rejected_with_reason_9_then_logged_out()
    {
        await using var harness = AcceptorHarness.Start();
        await using var client = await harness.LogonAsync();

        await client.SendAsync(MsgTypes.Heartbeat, sender: "SOMEONE-ELSE");

        SequenceTests.AssertReject(await client.ExpectAsync(MsgTypes.Reject), refSeqNum: 2, reason: 9, refTag: null);
        await client.ExpectAsync(MsgTypes.Logout);
    }

    [Fact]
    public async Task A_wrong_begin_string_is_logged_out_and_disconnected()
    {
        await using var harness = AcceptorHarness.Start();
        await using var client = await harness.LogonAsync();

        await client.SendAsync(MsgTypes.Heartbeat, beginString: "FIX.4.2");

        var logout = await client.ExpectAsync(MsgTypes.Logout);
        Assert.Equal("Incorrect BeginString", logout.GetString(Tags.Text));
        await client.ExpectDisconnectAsync();
    }

    [Fact]
    public async Task A_sending_time_further_than_max_latency_is_rejected_with_reason_10_then_logged_out()
    {
        await using var harness = AcceptorHarness.Start("MaxLatency=60");
        await using var client = await harness.LogonAsync();

        var stale = harness.Time.GetUtcNow().UtcDateTime.AddSeconds(-61);
        await client.SendAsync(MsgTypes.Heartbeat, sendingTime: stale);

        SequenceTests.AssertReject(await client.ExpectAsync(MsgTypes.Reject), refSeqNum: 2, reason: 10, refTag: null);
        await client.ExpectAsync(MsgTypes.Logout);
    }

    [Fact]
    public async Task A_message_breaking_the_dictionary_is_rejected_with_its_reason_and_its_number_is_consumed()
    {
        await using var harness = AcceptorHarness.Start("UseDataDictionary=Y");
        await using var client = await harness.LogonAsync();
        var now = harness.Time.GetUtcNow().UtcDateTime;

        // Side (54) is required on a NewOrderSingle.
        await client.SendAsync(MsgTypes.NewOrderSingle, b =>
        {
            b.Add(11, "CL-1");
            b.AddUtcTimestamp(60, now);
            b.Add(38, 100m);
            b.Add(40, '1');
        });

        var reject = await client.ExpectAsync(MsgTypes.Reject);
        SequenceTests.AssertReject(reject, refSeqNum: 2, reason: 1, refTag: 54);
        Assert.Equal("D", reject.GetString(Tags.RefMsgType));
        await client.SendAsync(MsgTypes.TestRequest, b => b.Add(Tags.TestReqID, "NEXT"));
        await client.ExpectAsync(MsgTypes.Heartbeat);
        Assert.Empty(harness.Application.Received);
    }

    [Fact]
    public async Task A_logon_breaking_the_dictionary_is_refused_with_a_logout_naming_the_problem()
    {
        await using var harness = AcceptorHarness.Start("UseDataDictionary=Y");
        await using var client = await harness.ConnectAsync();

        // EncryptMethod (98) is required on a Logon.
        await client.SendAsync(MsgTypes.Logon, b => b.Add(Tags.HeartBtInt, 30));

        var logout = await client.ExpectAsync(MsgTypes.Logout);
        Assert.False(string.IsNullOrEmpty(logout.GetString(Tags.Text)));
        await client.ExpectDisconnectAsync();
    }
}
