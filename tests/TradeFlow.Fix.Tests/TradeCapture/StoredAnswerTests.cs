using System.Globalization;
using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.InMemory;
using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Store;
using TradeFlow.Fix.Tests.Session;
using static TradeFlow.Fix.Tests.TradeCapture.CaptureMessages;

namespace TradeFlow.Fix.Tests.TradeCapture;

/// <summary>
/// Answers stored in the FIX store while the journal commits (overlapped fsyncs): the invariant is that no message that
/// was never acknowledged durable goes out, live or on a resend after a crash.
/// </summary>
public sealed class StoredAnswerTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"tf-stored-answer-{Guid.NewGuid():N}");
    private readonly FakeTimeProvider _time = new();

    public StoredAnswerTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task An_answer_stored_for_an_order_whose_commit_fails_is_never_sent_its_numbers_are_gap_filled()
    {
        using var journal = new InMemoryEventStore();
        var crashing = new CrashingJournal(journal);
        await using var gateway = CaptureGateway.Start(_directory, crashing, _time);
        await using var client = await LogOnAsync(gateway);
        await client.SendAsync(MsgTypes.NewOrderSingle, b => AddOrder(b, "ORD-1"));
        Assert.True(await crashing.WaitForAppendAsync());
        await gateway.WaitForStoredAnswersAsync();

        crashing.Crash();

        AssertGapFill(await client.ExpectAsync(MsgTypes.SequenceReset), 2, 3);
        AssertGapFill(await client.ExpectAsync(MsgTypes.SequenceReset), 3, 4);
        await client.SendAsync(MsgTypes.TestRequest, b => b.Add(Tags.TestReqID, "AFTER"));
        Assert.Equal(4, (await client.ExpectAsync(MsgTypes.Heartbeat)).MsgSeqNum);
    }

    [Fact]
    public async Task After_a_crash_between_the_store_flush_and_the_journal_commit_a_resend_gap_fills_the_stored_answer()
    {
        using var journal = new InMemoryEventStore();
        var crashing = new CrashingJournal(journal);
        var onDisk = Path.Combine(_directory, "at-crash");
        await using (var before = CaptureGateway.Start(_directory, crashing, _time))
        {
            await using var client = await LogOnAsync(before);
            await client.SendAsync(MsgTypes.NewOrderSingle, b => AddOrder(b, "ORD-1"));
            Assert.True(await crashing.WaitForAppendAsync());
            await before.WaitForStoredAnswersAsync();

            // The process dies here: the answers are durable in the FIX store, the journal has nothing.
            CopyStore(onDisk);
            crashing.Crash();
        }

        await using var after = CaptureGateway.Start(onDisk, journal, _time, recoverFrom: journal);
        await using var again = await after.ConnectAsync();
        again.NextSeq = 3;
        await again.SendLogonAsync();
        Assert.Equal(4, (await again.ExpectAsync(MsgTypes.Logon)).MsgSeqNum);
        Assert.Equal("2", (await again.ExpectAsync(MsgTypes.ResendRequest)).GetString(Tags.BeginSeqNo));

        await again.SendAsync(MsgTypes.ResendRequest, b => { b.Add(Tags.BeginSeqNo, 1); b.Add(Tags.EndSeqNo, 0); });
        AssertGapFill(await again.ExpectAsync(MsgTypes.SequenceReset), 1, 6);

        // The order again, as asked: booked now, answered with fresh numbers (2 and 3 stay consumed).
        await again.SendAsync(MsgTypes.NewOrderSingle, b => AddOrder(b, "ORD-1"), seq: 2, possDup: true,
            origSendingTime: _time.GetUtcNow().UtcDateTime);
        var accepted = await again.ExpectAsync(MsgTypes.ExecutionReport);
        var filled = await again.ExpectAsync(MsgTypes.ExecutionReport);
        Assert.Equal((6, 7), (accepted.MsgSeqNum, filled.MsgSeqNum));
        Assert.Single(journal.ReadAll(GlobalPosition.Start, Direction.Forwards)
            .Select(e => e.StreamId).Where(s => s.StartsWith("trade-", StringComparison.Ordinal)).Distinct());
    }

    [Fact]
    public async Task After_a_crash_once_the_journal_committed_a_resend_sends_the_stored_answer_with_PossDup()
    {
        using var journal = new InMemoryEventStore();
        var holding = new CrashingJournal(journal);
        var onDisk = Path.Combine(_directory, "at-crash");
        await using (var before = CaptureGateway.Start(_directory, holding, _time))
        {
            await using var client = await LogOnAsync(before);
            await client.SendAsync(MsgTypes.NewOrderSingle, b => AddOrder(b, "ORD-1"));
            Assert.True(await holding.WaitForAppendAsync());
            await before.WaitForStoredAnswersAsync();

            // On disk the answers are still unsettled; the commit then succeeds and the answers go out.
            CopyStore(onDisk);
            holding.Commit();
            Assert.Equal(2, (await client.ExpectAsync(MsgTypes.ExecutionReport)).MsgSeqNum);
            Assert.Equal(3, (await client.ExpectAsync(MsgTypes.ExecutionReport)).MsgSeqNum);
        }

        await using var after = CaptureGateway.Start(onDisk, journal, _time, recoverFrom: journal);
        await using var again = await after.ConnectAsync();
        again.NextSeq = 3;
        await again.SendLogonAsync();
        await again.ExpectAsync(MsgTypes.Logon);
        await again.ExpectAsync(MsgTypes.ResendRequest);

        await again.SendAsync(MsgTypes.ResendRequest, b => { b.Add(Tags.BeginSeqNo, 2); b.Add(Tags.EndSeqNo, 3); });
        var resent = await again.ExpectAsync(MsgTypes.ExecutionReport);
        Assert.Equal((2, "ORD-1", "Y"), (resent.MsgSeqNum, resent.GetString(Tags.ClOrdID), resent.GetString(Tags.PossDupFlag)));
        Assert.Equal(3, (await again.ExpectAsync(MsgTypes.ExecutionReport)).MsgSeqNum);
    }

    private static async Task<ScriptedCounterparty> LogOnAsync(CaptureGateway gateway)
    {
        var client = await gateway.ConnectAsync();
        await client.SendLogonAsync();
        await client.ExpectAsync(MsgTypes.Logon);
        return client;
    }

    // What a process that died now leaves on disk: the store file as it is (only fsync'd batches count on reopen).
    private void CopyStore(string to)
    {
        Directory.CreateDirectory(to);
        File.Copy(LogMessageStore.PathFor(_directory, Client), LogMessageStore.PathFor(to, Client));
    }

    private static void AssertGapFill(FixMessage message, int seq, int newSeqNo) =>
        Assert.Equal((seq, "Y", newSeqNo.ToString(CultureInfo.InvariantCulture)),
            (message.MsgSeqNum, message.GetString(Tags.GapFillFlag), message.GetString(Tags.NewSeqNo)));

    internal static void AddOrder(FixFieldWriter body, string clOrdId)
    {
        var text = NewOrder(clOrdId).ToString();
        var start = text.IndexOf("|11=", StringComparison.Ordinal) + 1;
        var end = text.LastIndexOf("|10=", StringComparison.Ordinal) + 1;
        foreach (var field in text[start..end].Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = field.IndexOf('=', StringComparison.Ordinal);
            body.Add(int.Parse(field[..at], CultureInfo.InvariantCulture), field[(at + 1)..]);
        }
    }
}
