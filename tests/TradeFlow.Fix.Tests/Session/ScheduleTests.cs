using TradeFlow.Fix.Codec;

namespace TradeFlow.Fix.Tests.Session;

public sealed class ScheduleTests
{
    [Fact]
    public async Task At_end_time_the_session_logs_out_and_the_next_period_starts_at_sequence_number_one()
    {
        // The fake clock starts at 10:00:00 UTC; the session ends at 10:00:30.
        await using var harness = AcceptorHarness.Start("StartTime=09:00:00\nEndTime=10:00:30\nHeartBtInt=60");
        await using (var client = await harness.LogonAsync(heartBtInt: 60))
        {
            await client.SendAsync(MsgTypes.Heartbeat);
            harness.Time.Advance(TimeSpan.FromSeconds(31));

            await client.ExpectAsync(MsgTypes.Logout);
            await client.ExpectDisconnectAsync();
        }

        harness.Time.Advance(TimeSpan.FromHours(23));
        harness.Application.ResetSignals();
        await using var nextDay = await harness.ConnectAsync();
        await nextDay.SendLogonAsync(heartBtInt: 60);

        Assert.Equal(1, (await nextDay.ExpectAsync(MsgTypes.Logon)).MsgSeqNum);
    }
}
