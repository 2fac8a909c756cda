using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Session;

namespace TradeFlow.Fix.Tests.Session;

public sealed class ApplicationTests
{
    [Fact]
    public async Task An_unsupported_message_type_is_answered_with_a_business_message_reject_380_3()
    {
        await using var harness = AcceptorHarness.Start();
        harness.Application.OnFromApp = _ => throw new UnsupportedMessageTypeException();
        await using var client = await harness.LogonAsync();

        await client.SendAsync(MsgTypes.NewOrderSingle, b => b.Add(11, "CL-1"));

        var reject = await client.ExpectAsync(MsgTypes.BusinessMessageReject);
        Assert.Equal("3", reject.GetString(Tags.BusinessRejectReason));
        Assert.Equal("D", reject.GetString(Tags.RefMsgType));
        Assert.Equal("2", reject.GetString(Tags.RefSeqNum));
        Assert.Equal(3, harness.Session.NextTargetMsgSeqNum);
    }

    [Fact]
    public async Task A_missing_field_reported_by_the_application_is_rejected_with_reason_1_on_that_tag()
    {
        await using var harness = AcceptorHarness.Start();
        harness.Application.OnFromApp = _ => throw new FieldNotFoundException(55);
        await using var client = await harness.LogonAsync();

        await client.SendAsync(MsgTypes.NewOrderSingle, b => b.Add(11, "CL-1"));

        SequenceTests.AssertReject(await client.ExpectAsync(MsgTypes.Reject), refSeqNum: 2, reason: 1, refTag: 55);
        Assert.Equal(3, harness.Session.NextTargetMsgSeqNum);
    }

    [Fact]
    public async Task An_incorrect_value_reported_by_the_application_is_rejected_with_reason_5_on_that_tag()
    {
        await using var harness = AcceptorHarness.Start();
        harness.Application.OnFromApp = _ => throw new IncorrectTagValueException(54);
        await using var client = await harness.LogonAsync();

        await client.SendAsync(MsgTypes.NewOrderSingle, b => b.Add(11, "CL-1"));

        SequenceTests.AssertReject(await client.ExpectAsync(MsgTypes.Reject), refSeqNum: 2, reason: 5, refTag: 54);
    }

    [Fact]
    public async Task An_application_failure_disconnects_without_consuming_the_message_number()
    {
        await using var harness = AcceptorHarness.Start();
        harness.Application.OnFromApp = _ => throw new InvalidOperationException("bug");
        await using var client = await harness.LogonAsync();

        await client.SendAsync(MsgTypes.NewOrderSingle, b => b.Add(11, "CL-1"));

        await client.ExpectDisconnectAsync();
        Assert.Equal(2, harness.Session.NextTargetMsgSeqNum);
    }

    [Fact]
    public async Task A_message_sent_while_disconnected_is_stored_and_delivered_by_resend_after_the_next_logon()
    {
        await using var harness = AcceptorHarness.Start();
        await using (var first = await harness.LogonAsync())
        {
            await first.SendAsync(MsgTypes.Logout);
            await first.ExpectAsync(MsgTypes.Logout);
            await first.ExpectDisconnectAsync();
        }

        var report = new FixFieldWriter();
        report.Add(37, "ORD-9");
        Assert.True(harness.Acceptor.Sessions.SendToTarget(AcceptorHarness.Id, MsgTypes.ExecutionReport, report));

        await using var client = await harness.ConnectAsync();
        client.NextSeq = 3;
        await client.SendLogonAsync();
        var logon = await client.ExpectAsync(MsgTypes.Logon);
        Assert.Equal(4, logon.MsgSeqNum);
        await client.SendAsync(MsgTypes.ResendRequest, b => { b.Add(Tags.BeginSeqNo, 3); b.Add(Tags.EndSeqNo, 0); });

        var resent = await client.ExpectAsync(MsgTypes.ExecutionReport);
        Assert.Equal(3, resent.MsgSeqNum);
        Assert.Equal("ORD-9", resent.GetString(37));
        Assert.Equal("Y", resent.GetString(Tags.PossDupFlag));
    }

    [Fact]
    public async Task Acks_go_out_while_the_application_blocks_in_from_app()
    {
        using var release = new ManualResetEventSlim();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var harness = AcceptorHarness.Start();
        harness.Application.OnFromApp = _ =>
        {
            entered.TrySetResult();
            release.Wait(TimeSpan.FromSeconds(30));
        };
        await using var client = await harness.LogonAsync();

        await client.SendAsync(MsgTypes.NewOrderSingle, b => b.Add(11, "CL-1"));
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var ack = new FixFieldWriter();
        ack.Add(11, "CL-0");
        harness.Session.Send(MsgTypes.ExecutionReport, ack);

        Assert.Equal("CL-0", (await client.ExpectAsync(MsgTypes.ExecutionReport)).GetString(11));
        Assert.Equal(2, harness.Session.NextTargetMsgSeqNum);
        release.Set();
        await client.SendAsync(MsgTypes.TestRequest, b => b.Add(Tags.TestReqID, "T"));
        await client.ExpectAsync(MsgTypes.Heartbeat);
        Assert.Equal(4, harness.Session.NextTargetMsgSeqNum);
    }
}
