using System.Globalization;
using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.InMemory;
using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Tests.Session;
using static TradeFlow.Fix.Tests.TradeCapture.CaptureMessages;

namespace TradeFlow.Fix.Tests.TradeCapture;

public sealed class CaptureRestartTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"tf-capture-restart-{Guid.NewGuid():N}");

    public CaptureRestartTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task An_order_lost_before_the_journal_commit_is_asked_for_again_after_a_restart_and_booked_once()
    {
        var time = new FakeTimeProvider();
        using var journal = new InMemoryEventStore();
        int nextClientSeq;
        var crashing = new CrashingJournal(journal);
        await using (var before = CaptureGateway.Start(_directory, crashing, time))
        {
            await using var client = await before.ConnectAsync();
            await client.SendLogonAsync();
            await client.ExpectAsync(MsgTypes.Logon);
            await client.SendAsync(MsgTypes.NewOrderSingle, b => AddFields(b, NewOrderBody("ORD-1")));
            Assert.True(await crashing.WaitForAppendAsync());
            await before.WaitForStoredAnswersAsync();

            // Another message's answer flushes the FIX store while the order waits in the engine. The order's answers
            // (stored while the journal commits) must not hold the Heartbeat back: they are voided, sent as gap fills.
            await client.SendAsync(MsgTypes.TestRequest, b => b.Add(Tags.TestReqID, "FLUSH"));
            Assert.Equal("3", (await client.ExpectAsync(MsgTypes.SequenceReset)).GetString(Tags.NewSeqNo));
            Assert.Equal("4", (await client.ExpectAsync(MsgTypes.SequenceReset)).GetString(Tags.NewSeqNo));
            await client.ExpectAsync(MsgTypes.Heartbeat);
            crashing.Crash();
            nextClientSeq = client.NextSeq;
        }

        await using var after = CaptureGateway.Start(_directory, journal, time);
        await using var again = await after.ConnectAsync();
        again.NextSeq = nextClientSeq;
        await again.SendLogonAsync();
        await again.ExpectAsync(MsgTypes.Logon);

        var resendRequest = await again.ExpectAsync(MsgTypes.ResendRequest);
        Assert.Equal("2", resendRequest.GetString(Tags.BeginSeqNo));
        await again.SendAsync(MsgTypes.NewOrderSingle, b => AddFields(b, NewOrderBody("ORD-1")), seq: 2, possDup: true,
            origSendingTime: time.GetUtcNow().UtcDateTime);
        await again.SendAsync(MsgTypes.SequenceReset, b => { b.Add(Tags.GapFillFlag, true); b.Add(Tags.NewSeqNo, nextClientSeq + 1); },
            seq: 3, possDup: true, origSendingTime: time.GetUtcNow().UtcDateTime);
        var accepted = await again.ExpectAsync(MsgTypes.ExecutionReport);
        var filled = await again.ExpectAsync(MsgTypes.ExecutionReport);

        Assert.Equal(("ORD-1", "0", "2"), (accepted.GetString(Tags.ClOrdID), accepted.GetString(Tags.ExecType), filled.GetString(Tags.OrdStatus)));
        var tradeStreams = journal.ReadAll(GlobalPosition.Start, Direction.Forwards)
            .Select(e => e.StreamId).Where(s => s.StartsWith("trade-", StringComparison.Ordinal)).Distinct();
        Assert.Single(tradeStreams);
    }

    /// <summary>The body of <see cref="CaptureMessages.NewOrder"/>, as wire fields for a scripted counterparty.</summary>
    private static string NewOrderBody(string clOrdId)
    {
        var text = NewOrder(clOrdId).ToString();
        var start = text.IndexOf("|11=", StringComparison.Ordinal) + 1;
        var end = text.LastIndexOf("|10=", StringComparison.Ordinal) + 1;
        return text[start..end];
    }

    private static void AddFields(FixFieldWriter body, string fields)
    {
        foreach (var field in fields.Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = field.IndexOf('=', StringComparison.Ordinal);
            body.Add(int.Parse(field[..at], CultureInfo.InvariantCulture), field[(at + 1)..]);
        }
    }
}
