using TradeFlow.Fix.Codec;

namespace TradeFlow.Fix.Tests.Session;

public sealed class SequenceTests
{
    private static readonly Action<FixFieldWriter> Order = b => b.Add(11, "CL-1");

    [Fact]
    public async Task A_message_too_high_is_answered_with_a_resend_request_and_processed_once_the_gap_is_filled()
    {
        await using var harness = AcceptorHarness.Start();
        await using var client = await harness.LogonAsync();

        await client.SendAsync(MsgTypes.NewOrderSingle, b => b.Add(11, "CL-5"), seq: 5);
        var resend = await client.ExpectAsync(MsgTypes.ResendRequest);
        Assert.Equal("2", resend.GetString(Tags.BeginSeqNo));
        Assert.Equal("0", resend.GetString(Tags.EndSeqNo));

        var original = harness.Time.GetUtcNow().UtcDateTime;
        await client.SendAsync(MsgTypes.NewOrderSingle, b => b.Add(11, "CL-2"), seq: 2, possDup: true, origSendingTime: original);
        await client.SendAsync(MsgTypes.SequenceReset, b => { b.Add(Tags.GapFillFlag, true); b.Add(Tags.NewSeqNo, 5); }, seq: 3, possDup: true, origSendingTime: original);
        await client.SendAsync(MsgTypes.TestRequest, b => b.Add(Tags.TestReqID, "DONE"), seq: 6);
        await client.ExpectAsync(MsgTypes.Heartbeat);

        Assert.Equal(["CL-2", "CL-5"], harness.Application.Received.Select(m => m.GetString(11)));
        Assert.Equal(7, harness.Session.NextTargetMsgSeqNum);
    }

    [Fact]
    public async Task A_message_too_low_without_possdup_is_answered_with_logout_naming_both_numbers()
    {
        await using var harness = AcceptorHarness.Start();
        await using var client = await harness.LogonAsync();
        await client.SendAsync(MsgTypes.Heartbeat);

        await client.SendAsync(MsgTypes.NewOrderSingle, Order, seq: 2);

        var logout = await client.ExpectAsync(MsgTypes.Logout);
        Assert.Equal("MsgSeqNum too low, expecting 3 but received 2", logout.GetString(Tags.Text));
        await client.ExpectDisconnectAsync();
    }

    [Fact]
    public async Task A_possdup_duplicate_is_ignored()
    {
        await using var harness = AcceptorHarness.Start();
        await using var client = await harness.LogonAsync();
        var original = harness.Time.GetUtcNow().UtcDateTime;
        await client.SendAsync(MsgTypes.NewOrderSingle, Order);

        await client.SendAsync(MsgTypes.NewOrderSingle, Order, seq: 2, possDup: true, origSendingTime: original);
        await client.SendAsync(MsgTypes.TestRequest, b => b.Add(Tags.TestReqID, "AFTER"));

        var heartbeat = await client.ExpectAsync(MsgTypes.Heartbeat);
        Assert.Equal("AFTER", heartbeat.GetString(Tags.TestReqID));
        Assert.Single(harness.Application.Received);
    }

    [Fact]
    public async Task A_possdup_without_orig_sending_time_is_rejected_with_reason_1_on_tag_122()
    {
        await using var harness = AcceptorHarness.Start();
        await using var client = await harness.LogonAsync();
        await client.SendAsync(MsgTypes.NewOrderSingle, Order);

        await client.SendAsync(MsgTypes.NewOrderSingle, Order, seq: 2, possDup: true);

        var reject = await client.ExpectAsync(MsgTypes.Reject);
        AssertReject(reject, refSeqNum: 2, reason: 1, refTag: 122);
    }

    [Fact]
    public async Task An_orig_sending_time_after_the_sending_time_is_rejected_with_reason_10_and_a_logout()
    {
        await using var harness = AcceptorHarness.Start();
        await using var client = await harness.LogonAsync();
        await client.SendAsync(MsgTypes.NewOrderSingle, Order);

        var now = harness.Time.GetUtcNow().UtcDateTime;
        await client.SendAsync(MsgTypes.NewOrderSingle, Order, seq: 2, possDup: true, origSendingTime: now.AddMinutes(1));

        AssertReject(await client.ExpectAsync(MsgTypes.Reject), refSeqNum: 2, reason: 10, refTag: null);
        await client.ExpectAsync(MsgTypes.Logout);
    }

    [Fact]
    public async Task A_gap_fill_moves_the_expected_sequence_number_forward()
    {
        await using var harness = AcceptorHarness.Start();
        await using var client = await harness.LogonAsync();

        await client.SendAsync(MsgTypes.SequenceReset, b => { b.Add(Tags.GapFillFlag, true); b.Add(Tags.NewSeqNo, 10); });
        client.NextSeq = 10;
        await client.SendAsync(MsgTypes.TestRequest, b => b.Add(Tags.TestReqID, "T"));

        await client.ExpectAsync(MsgTypes.Heartbeat);
        Assert.Equal(11, harness.Session.NextTargetMsgSeqNum);
    }

    [Fact]
    public async Task A_sequence_reset_in_reset_mode_applies_whatever_its_own_number()
    {
        await using var harness = AcceptorHarness.Start();
        await using var client = await harness.LogonAsync();

        await client.SendAsync(MsgTypes.SequenceReset, b => b.Add(Tags.NewSeqNo, 20), seq: 99);
        client.NextSeq = 20;
        await client.SendAsync(MsgTypes.TestRequest, b => b.Add(Tags.TestReqID, "T"));

        await client.ExpectAsync(MsgTypes.Heartbeat);
        Assert.Equal(21, harness.Session.NextTargetMsgSeqNum);
    }

    [Fact]
    public async Task A_sequence_reset_to_a_lower_number_is_rejected_with_reason_5_on_tag_36()
    {
        await using var harness = AcceptorHarness.Start();
        await using var client = await harness.LogonAsync();
        await client.SendAsync(MsgTypes.Heartbeat);
        await client.SendAsync(MsgTypes.Heartbeat);

        await client.SendAsync(MsgTypes.SequenceReset, b => b.Add(Tags.NewSeqNo, 2));

        AssertReject(await client.ExpectAsync(MsgTypes.Reject), refSeqNum: 4, reason: 5, refTag: 36);
        Assert.Equal(4, harness.Session.NextTargetMsgSeqNum);
    }

    [Fact]
    public async Task A_garbled_message_is_ignored_and_its_number_is_not_consumed()
    {
        await using var harness = AcceptorHarness.Start();
        await using var client = await harness.LogonAsync();

        var garbled = System.Text.Encoding.ASCII.GetBytes("8=FIX.4.4\u00019=5\u000135=0\u000134=2\u000110=000\u0001");
        await client.SendRawAsync(garbled);
        await client.SendAsync(MsgTypes.TestRequest, b => b.Add(Tags.TestReqID, "T"), seq: 2);

        await client.ExpectAsync(MsgTypes.Heartbeat);
        Assert.Equal(3, harness.Session.NextTargetMsgSeqNum);
    }

    internal static void AssertReject(FixMessage reject, int refSeqNum, int reason, int? refTag)
    {
        Assert.True(reject.TryGetInt(Tags.RefSeqNum, out var seq));
        Assert.Equal(refSeqNum, seq);
        Assert.True(reject.TryGetInt(Tags.SessionRejectReason, out var r));
        Assert.Equal(reason, r);
        if (refTag is { } tag)
        {
            Assert.True(reject.TryGetInt(Tags.RefTagID, out var t));
            Assert.Equal(tag, t);
        }

        Assert.False(string.IsNullOrEmpty(reject.GetString(Tags.Text)));
        Assert.NotNull(reject.GetString(Tags.RefMsgType));
    }
}
