using TradeFlow.Fix.Codec;

namespace TradeFlow.Fix.Tests.Session;

public sealed class ResendTests
{
    [Fact]
    public async Task A_resend_request_replays_application_messages_and_gap_fills_runs_of_admin_messages()
    {
        await using var harness = AcceptorHarness.Start();
        await using var client = await harness.LogonAsync();                         // our 1: Logon
        await PingAsync(client);                                                      // our 2: Heartbeat
        await PingAsync(client);                                                      // our 3: Heartbeat
        var firstSent = await SendReportAsync(harness, client, "ORD-4");              // our 4
        await PingAsync(client);                                                      // our 5: Heartbeat
        await SendReportAsync(harness, client, "ORD-6");                              // our 6
        harness.Time.Advance(TimeSpan.FromSeconds(5));

        await client.SendAsync(MsgTypes.ResendRequest, b => { b.Add(Tags.BeginSeqNo, 1); b.Add(Tags.EndSeqNo, 0); });

        AssertGapFill(await client.ExpectAsync(MsgTypes.SequenceReset), seq: 1, newSeqNo: 4);
        var resent = await client.ExpectAsync(MsgTypes.ExecutionReport);
        Assert.Equal((4, "ORD-4", "Y"), (resent.MsgSeqNum, resent.GetString(37), resent.GetString(Tags.PossDupFlag)));
        Assert.True(resent.TryGetUtcTimestamp(Tags.OrigSendingTime, out var orig));
        Assert.True(resent.TryGetUtcTimestamp(Tags.SendingTime, out var sending));
        Assert.Equal(firstSent, orig);
        Assert.True(sending > orig);
        AssertGapFill(await client.ExpectAsync(MsgTypes.SequenceReset), seq: 5, newSeqNo: 6);
        Assert.Equal(6, (await client.ExpectAsync(MsgTypes.ExecutionReport)).MsgSeqNum);
    }

    [Fact]
    public async Task A_resend_request_with_an_end_beyond_what_was_sent_stops_at_the_last_message()
    {
        await using var harness = AcceptorHarness.Start();
        await using var client = await harness.LogonAsync();
        await SendReportAsync(harness, client, "ORD-2");

        await client.SendAsync(MsgTypes.ResendRequest, b => { b.Add(Tags.BeginSeqNo, 2); b.Add(Tags.EndSeqNo, 50); });

        Assert.Equal(2, (await client.ExpectAsync(MsgTypes.ExecutionReport)).MsgSeqNum);
        await PingAsync(client);
    }

    private static async Task PingAsync(ScriptedCounterparty client)
    {
        await client.SendAsync(MsgTypes.TestRequest, b => b.Add(Tags.TestReqID, "PING"));
        await client.ExpectAsync(MsgTypes.Heartbeat);
    }

    private static async Task<DateTime> SendReportAsync(AcceptorHarness harness, ScriptedCounterparty client, string orderId)
    {
        var body = new FixFieldWriter();
        body.Add(37, orderId);
        harness.Session.Send(MsgTypes.ExecutionReport, body);
        var sent = await client.ExpectAsync(MsgTypes.ExecutionReport);
        Assert.True(sent.TryGetUtcTimestamp(Tags.SendingTime, out var time));
        return time;
    }

    private static void AssertGapFill(FixMessage gapFill, int seq, int newSeqNo)
    {
        Assert.Equal(seq, gapFill.MsgSeqNum);
        Assert.Equal("Y", gapFill.GetString(Tags.GapFillFlag));
        Assert.Equal("Y", gapFill.GetString(Tags.PossDupFlag));
        Assert.True(gapFill.TryGetInt(Tags.NewSeqNo, out var next));
        Assert.Equal(newSeqNo, next);
    }
}
